using System.CommandLine;
using Lvyue.Accounts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Cli;

/// <summary>Developer commands: print the schema EF Core derives from the model, to write the next migration against.</summary>
public static class DevCommands
{
    public static Command Build()
    {
        var dev = new Command("dev", "Developer tools") { Hidden = true };
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var script = new Command("create-script", "Print the CREATE script EF Core derives from the model") { provider };
        script.SetAction(r =>
        {
            var p = r.GetValue(provider)!;
            var opts = new DatabaseOptions
            {
                Provider = p.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite",
                ConnectionString = p.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? "Host=localhost" : "Data Source=:memory:",
            };
            var b = new DbContextOptionsBuilder<LvyueDbContext>();
            opts.Configure(b);
            using var db = new LvyueDbContext(b.Options, new FixedTenantContext(TenantScope.System), TimeProvider.System);
            Console.WriteLine(db.Database.GenerateCreateScript());
            return 0;
        });
        dev.Subcommands.Add(script);
        return dev;
    }
}
