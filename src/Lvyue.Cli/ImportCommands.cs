using System.CommandLine;
using Lvyue.Contracts;
using Lvyue.Integration;
using Lvyue.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary><c>lvyue import contracts|suppliers|budget-lines|units FILE</c>: all-or-nothing imports from .xlsx or .csv.</summary>
public static class ImportCommands
{
    public static Command Build()
    {
        var import = new Command("import", "Import contracts, suppliers, budget lines or budget units from .xlsx/.csv (all or nothing)");
        import.Subcommands.Add(Make("contracts", "Import contracts as drafts (template: lvyue template contracts)",
            (sp, stream, name, ct) => sp.GetRequiredService<ContractImport>().ImportAsync(stream, name,
                new Progress<ImportProgress>(p => { if (p.Rows % 10_000 == 0 && p.Rows > 0) Console.Error.WriteLine($"  {Phase(p.Phase)} {p.Rows:N0}"); }), ct)));
        import.Subcommands.Add(Make("suppliers", "Import suppliers (an existing USCC updates that supplier)",
            (sp, stream, name, ct) => sp.GetRequiredService<SupplierImport>().ImportAsync(stream, name, ct)));
        import.Subcommands.Add(Make("budget-lines", "Import budget lines per unit and year",
            (sp, stream, name, ct) => sp.GetRequiredService<BudgetLineImport>().ImportAsync(stream, name, ct)));
        import.Subcommands.Add(Make("units", "Import budget units with their departments",
            (sp, stream, name, ct) => sp.GetRequiredService<BudgetUnitImport>().ImportAsync(stream, name, ct)));
        return import;
    }

    private static string Phase(string phase) => phase == "validate" ? "校验 / validated" : "写入 / written";

    private static Command Make(string name, string description,
        Func<IServiceProvider, Stream, string, CancellationToken, Task<ImportResult>> run)
    {
        var file = new Argument<FileInfo>("file") { Description = ".xlsx or .csv file" };
        var cmd = new Command(name, description) { file };
        cmd.SetAction((r, ct) => CliHost.RunAsync(r, ct, async sp =>
        {
            var f = r.GetValue(file)!;
            if (!f.Exists)
            {
                Console.Error.WriteLine($"错误 / Error: 文件不存在 / file not found: {f.FullName}");
                return 1;
            }
            await using var stream = f.OpenRead();
            return ReportPrinter.Print(await run(sp, stream, f.Name, ct), Console.Out, Console.Error);
        }));
        return cmd;
    }
}
