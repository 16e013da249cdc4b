using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lvyue.Web.Hosting;

/// <summary>At start: migrate the schema, ensure reference data, seed the demo on an empty database, print where to go.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DatabaseOptions>();
        var migrated = await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await sp.GetRequiredService<ReferenceData>().EnsureAsync();
        IReadOnlyList<DemoLogin> logins = [];
        string? demoSkipped = null;
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            var seeder = sp.GetRequiredService<DemoSeeder>();
            demoSkipped = await seeder.PolicyConflictAsync();
            if (demoSkipped is null) logins = await seeder.SeedAsync(app.Configuration.GetValue("Demo:Contracts", 60));
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("================ Lvyue 履约 ================");
            Console.WriteLine($"Database: {(options.IsPostgres ? "PostgreSQL" : "SQLite")} ({Describe(options)}), {migrated} migration(s) applied now");
            foreach (var a in addresses) Console.WriteLine($"Open:     {a}");
            if (logins.Count > 0)
            {
                Console.WriteLine("Demo logins (password for all: " + DemoSeeder.DemoPassword + "):");
                foreach (var l in logins)
                    Console.WriteLine($"  {l.UserName,-12} {Roles.Label(l.Role).Zh} / {Roles.Label(l.Role).En} — {l.Organization}");
            }
            else if (demoSkipped is not null)
                Console.WriteLine("Demo data NOT seeded: " + demoSkipped);
            else if (app.Configuration.GetValue("Demo:Seed", false))
                Console.WriteLine($"Demo data already present; logins: clerk, leader, supervisor, supplier, auditadmin, sysadmin … password {DemoSeeder.DemoPassword}");
            Console.WriteLine("============================================");
        });
    }

    private static string Describe(DatabaseOptions o)
    {
        if (o.IsPostgres)
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(o.ConnectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        return Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(o.ConnectionString).DataSource);
    }
}
