using Lvyue.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Data;

/// <summary>Which database to use: <c>Database:Provider</c> = Sqlite (default) or Postgres, and its connection string.</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";
    public string ConnectionString { get; set; } = "Data Source=data/lvyue.db";

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                              || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configures EF Core for the chosen provider.</summary>
    public void Configure(DbContextOptionsBuilder b)
    {
        if (IsPostgres) b.UseNpgsql(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        else b.UseSqlite(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
    }

    /// <summary>Makes the SQLite file's folder exist.</summary>
    public void EnsureSqliteFolder()
    {
        if (IsPostgres) return;
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
        if (!string.IsNullOrEmpty(dir) && csb.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }
}

/// <summary>Registration of the data layer.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LvyueDbContext"/> for the configured provider and the migrator.</summary>
    public static IServiceCollection AddLvyueData(this IServiceCollection services, DatabaseOptions options)
    {
        options.EnsureSqliteFolder();
        services.AddSingleton(options);
        services.AddDbContext<LvyueDbContext>(options.Configure);
        services.AddScoped<SchemaMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
