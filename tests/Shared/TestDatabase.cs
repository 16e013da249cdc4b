using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lvyue.Testing;

/// <summary>
/// A fresh database for one test, with its own file store, clock and service provider built by
/// <c>AddLvyueCore</c>: a temporary SQLite file (a file, not <c>:memory:</c>, so several contexts and
/// the FTS5 triggers share it) or a <c>lvyue_test_…</c> database on the shared
/// <see cref="PostgresCluster"/>. Migrated and given its reference data unless asked not to;
/// deleted (dropped) on dispose. A migrated database is a copy of a template migrated once per
/// test process, which is much faster than running the scripts for every test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Every provider a database test runs on.</summary>
    public static readonly IReadOnlyList<string> Providers = [Sqlite, Postgres];

    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly string _dir;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string dir, string connectionString, string? postgresName)
    {
        Provider = provider;
        _dir = dir;
        _postgresName = postgresName;
        FileStoreRoot = Path.Combine(dir, "files");
        Options = new DatabaseOptions { Provider = IsPostgres ? "Postgres" : "Sqlite", ConnectionString = connectionString };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLvyueCore(Options, FileStoreRoot);
        services.AddScoped<TenantSlot>();
        services.AddScoped<ITenantContext>(sp => new FixedTenantContext(sp.GetRequiredService<TenantSlot>().Scope));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    public string Provider { get; }
    public bool IsPostgres => Provider == Postgres;
    public DatabaseOptions Options { get; }
    public string FileStoreRoot { get; }
    /// <summary>The clock every service of this database sees (registered as the <see cref="TimeProvider"/>).</summary>
    public TestClock Clock { get; } = new();
    public ServiceProvider Services { get; }

    /// <summary>Creates the database; <paramref name="migrate"/> false leaves it empty (for migration tests).</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true, CancellationToken ct = default)
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-test-").FullName;
        try
        {
            switch (provider)
            {
                case Sqlite:
                    var file = Path.Combine(dir, "lvyue.db");
                    if (migrate) File.Copy(await SqliteTemplate.Value, file);
                    return new TestDatabase(provider, dir, SqliteConnectionString(file), null);
                case Postgres:
                    var name = "lvyue_test_" + Guid.NewGuid().ToString("N");
                    var template = migrate ? await PostgresTemplate.Value : "template1";
                    await PostgresAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", ct);
                    return new TestDatabase(provider, dir, PostgresConnectionString(name), name);
                default:
                    throw new ArgumentException($"Unknown provider '{provider}'", nameof(provider));
            }
        }
        catch
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    /// <summary>A service scope (one "request") whose contexts see the data as <paramref name="scope"/> does.</summary>
    public TestScope Scope(TenantScope scope)
    {
        var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<TenantSlot>().Scope = scope;
        return new TestScope(s);
    }

    /// <summary>A scope that sees everything: setup and assertions.</summary>
    public TestScope AsSystem() => Scope(TenantScope.System);

    /// <summary>Runs raw SQL (one or several statements, taken literally) on the database, outside any tenancy.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var s = AsSystem();
        await s.Db.Database.OpenConnectionAsync(ct);
        await using var cmd = s.Db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresName is null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(Options.ConnectionString));
        }
        else
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Options.ConnectionString));
            await PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
        Directory.Delete(_dir, recursive: true);
    }

    private async Task MigrateAsync()
    {
        await using var s = AsSystem();
        await s.Get<SchemaMigrator>().MigrateAsync();
        await s.Get<ReferenceData>().EnsureAsync();
    }

    private static string SqliteConnectionString(string file) => $"Data Source={file}";

    private static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresCluster.AdminConnectionString) { Database = database }.ConnectionString;

    private static async Task PostgresAdminAsync(string sql, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(PostgresCluster.AdminConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A migrated SQLite file, copied for each test; removed when the process exits.</summary>
    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var template = await CreateAsync(Sqlite, migrate: false);
        await template.MigrateAsync();
        await template.Services.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(template.Options.ConnectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(template._dir, recursive: true); }
            catch (IOException) { /* left in the temp folder */ }
        };
        return new SqliteConnectionStringBuilder(template.Options.ConnectionString).DataSource;
    }

    /// <summary>A migrated PostgreSQL database, cloned for each test; dropped when the process exits.</summary>
    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var template = await CreateAsync(Postgres, migrate: false);
        await template.MigrateAsync();
        await template.Services.DisposeAsync();
        NpgsqlConnection.ClearPool(new NpgsqlConnection(template.Options.ConnectionString));
        Directory.Delete(template._dir, recursive: true);
        var name = template._postgresName!;
        // A throwaway cluster is deleted whole at exit; on a server of LVYUE_TEST_POSTGRES the template is dropped.
        if (PostgresCluster.IsExternal)
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        return name;
    }

    /// <summary>Holds the tenant scope of one service scope until its <see cref="ITenantContext"/> is first resolved.</summary>
    private sealed class TenantSlot
    {
        public TenantScope Scope { get; set; } = TenantScope.None("nobody");
    }
}
