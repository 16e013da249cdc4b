using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lvyue.Bench;

/// <summary>Builds the services of one database for a benchmark, as the CLI does, under a given tenant scope.</summary>
internal static class BenchHost
{
    public static ServiceProvider Services(string provider, string connection, TenantScope scope)
    {
        var services = new ServiceCollection();
        if (Environment.GetEnvironmentVariable("LVYUE_BENCH_SQL") == "1")
            services.AddLogging(b => b.AddConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        else services.AddLogging();
        services.AddLvyueCore(new DatabaseOptions
        {
            Provider = provider.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite", ConnectionString = connection,
        }, Path.Combine(Path.GetTempPath(), "lvyue-bench-files"));
        services.AddLvyueImportExport();
        services.AddSingleton<ITenantContext>(new FixedTenantContext(scope));
        return services.BuildServiceProvider();
    }

    public static string Arg(string[] args, string name, string? fallback = null)
    {
        var i = Array.IndexOf(args, name);
        if (i >= 0 && i + 1 < args.Length) return args[i + 1];
        return fallback ?? throw new ArgumentException($"missing {name}");
    }
}
