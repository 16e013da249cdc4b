using System.CommandLine;
using Lvyue.Contracts;
using Lvyue.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary><c>lvyue template contracts|suppliers|budget-lines|units --out FILE</c>: writes an import template.</summary>
public static class TemplateCommands
{
    public static Command Build()
    {
        var kind = new Argument<string>("kind") { Description = "contracts, suppliers, budget-lines or units" };
        kind.AcceptOnlyFromAmong("contracts", "suppliers", "budget-lines", "units");
        var output = new Option<FileInfo?>("--out") { Description = "Output .xlsx file (default: <kind>-template.xlsx)" };
        var cmd = new Command("template", "Write an .xlsx import template with a 填写说明 sheet") { kind, output };
        cmd.SetAction((r, ct) => CliHost.RunAsync(r, ct, async sp =>
        {
            var k = r.GetValue(kind)!;
            var file = r.GetValue(output) ?? new FileInfo($"{k}-template.xlsx");
            if (file.Directory is { Exists: false } dir) dir.Create();
            await using (var stream = file.Create())
            {
                switch (k)
                {
                    case "contracts": await sp.GetRequiredService<ContractImport>().WriteTemplateAsync(stream, ct); break;
                    case "suppliers": SupplierImport.WriteTemplate(stream); break;
                    case "budget-lines": BudgetLineImport.WriteTemplate(stream); break;
                    default: BudgetUnitImport.WriteTemplate(stream); break;
                }
            }
            Console.WriteLine($"已写入模板 / Template written: {file.FullName}");
            return 0;
        }));
        return cmd;
    }
}
