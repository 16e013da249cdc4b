using System.CommandLine;
using Lvyue.Data;
using Lvyue.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary><c>lvyue seed-demo [--contracts N]</c>: migrate, reference data, the demo region, and optionally N synthetic contracts.</summary>
public static class SeedCommands
{
    public static Command Build()
    {
        var contracts = new Option<int>("--contracts") { Description = "Also generate N synthetic contracts for benchmarks (fast bulk insert)" };
        var cmd = new Command("seed-demo", "Migrate the database, ensure reference data, seed the demo region and logins") { contracts };
        cmd.SetAction((r, ct) => CliHost.RunAsync(r, ct, async sp =>
        {
            await sp.GetRequiredService<ReferenceData>().EnsureAsync(ct);
            var logins = await sp.GetRequiredService<DemoSeeder>().SeedAsync(ct: ct);
            if (logins.Count == 0) Console.WriteLine("演示数据已存在 / The demo data already exists");
            else
            {
                Console.WriteLine("演示账号 / Demo logins:");
                foreach (var l in logins) Console.WriteLine($"  {l.UserName,-12} {l.Password}  {l.Role,-20} {l.Organization}");
            }
            var n = r.GetValue(contracts);
            if (n < 0)
            {
                Console.Error.WriteLine("错误 / Error: --contracts 不能为负数 / must not be negative");
                return 1;
            }
            if (n > 0) await new SyntheticContracts(sp.GetRequiredService<LvyueDbContext>(), Console.Out).GenerateAsync(n, ct);
            return 0;
        }));
        return cmd;
    }
}
