using System.CommandLine;
using System.Diagnostics;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary><c>lvyue export ledger --format xlsx|csv [--out FILE] [filters]</c>: the filtered ledger to a file.</summary>
public static class ExportCommands
{
    public static Command Build()
    {
        var format = new Option<string>("--format") { Description = "xlsx or csv", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "Output file (default: ledger-<time>.<format>)" };
        var status = new Option<string?>("--status") { Description = "Status: 草稿/待审批/已备案/履行中/已完成/已终止 or Draft, Filed…" };
        var category = new Option<string?>("--category") { Description = "Category: 工程/货物/服务 or Works/Goods/Services" };
        var subcategory = new Option<string?>("--subcategory") { Description = "Subcategory code or name" };
        var method = new Option<string?>("--method") { Description = "Procurement method, e.g. 公开招标 or OpenTender" };
        var unit = new Option<string?>("--unit") { Description = "Purchaser unit code" };
        var supplier = new Option<string?>("--supplier") { Description = "Supplier USCC" };
        var q = new Option<string?>("--q") { Description = "Full-text search over title, number and parties" };
        var amountMin = new Option<decimal?>("--amount-min") { Description = "Smallest amount (CNY)" };
        var amountMax = new Option<decimal?>("--amount-max") { Description = "Largest amount (CNY)" };
        var signFrom = new Option<DateOnly?>("--sign-from") { Description = "Signed on or after (yyyy-MM-dd)" };
        var signTo = new Option<DateOnly?>("--sign-to") { Description = "Signed on or before (yyyy-MM-dd)" };
        var sort = new Option<string?>("--sort") { Description = "signDate (default), amount, number, title, status or created" };
        var asc = new Option<bool>("--asc") { Description = "Ascending order (default descending)" };

        var ledger = new Command("ledger", "Export the filtered ledger to .xlsx or .csv")
        {
            format, output, status, category, subcategory, method, unit, supplier, q, amountMin, amountMax, signFrom, signTo, sort, asc,
        };
        ledger.SetAction((r, ct) => CliHost.RunAsync(r, ct, async sp =>
        {
            var db = sp.GetRequiredService<LvyueDbContext>();
            var filter = new LedgerFilter
            {
                Status = Parse(r.GetValue(status), Labels.Statuses, "状态", "status"),
                Category = Parse(r.GetValue(category), Labels.Categories, "合同类别", "category"),
                Method = Parse(r.GetValue(method), Labels.Methods, "采购方式", "method"),
                SubcategoryId = r.GetValue(subcategory) is { } sub
                    ? (await db.Subcategories.FirstOrDefaultAsync(s => s.Code == sub || s.Name == sub, ct))?.Id ?? throw Unknown("合同小类", "subcategory", sub)
                    : null,
                BudgetUnitId = r.GetValue(unit) is { } u
                    ? (await db.BudgetUnits.FirstOrDefaultAsync(x => x.Code == u, ct))?.Id ?? throw Unknown("预算单位", "budget unit", u)
                    : null,
                SupplierId = r.GetValue(supplier) is { } s
                    ? (await db.Suppliers.FirstOrDefaultAsync(x => x.Uscc == Uscc.Normalize(s), ct))?.Id ?? throw Unknown("供应商", "supplier", s)
                    : null,
                Q = r.GetValue(q), AmountMin = r.GetValue(amountMin), AmountMax = r.GetValue(amountMax),
                SignFrom = r.GetValue(signFrom), SignTo = r.GetValue(signTo), Sort = r.GetValue(sort), Desc = !r.GetValue(asc),
            };
            var fmt = r.GetValue(format)!;
            var file = r.GetValue(output) ?? new FileInfo($"ledger-{DateTime.Now:yyyyMMdd-HHmmss}.{fmt}");
            if (file.Directory is { Exists: false } dir) dir.Create();
            var export = sp.GetRequiredService<LedgerExport>();
            var clock = Stopwatch.StartNew();
            int n;
            await using (var stream = file.Create())
                n = fmt == "csv" ? await export.WriteCsvAsync(filter, stream, ct) : await export.WriteXlsxAsync(filter, stream, ct);
            Console.WriteLine($"已导出 {n} 份合同到 {file.FullName}，用时 {clock.Elapsed.TotalSeconds:0.0} 秒");
            Console.WriteLine($"Exported {n} contracts to {file.FullName} in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }));
        var export = new Command("export", "Export data");
        export.Subcommands.Add(ledger);
        return export;
    }

    private static T? Parse<T>(string? text, IReadOnlyDictionary<T, (string Zh, string En)> labels, string zh, string en) where T : struct, Enum
    {
        if (text is null) return null;
        if (Labels.TryParse(labels, text, out var v)) return v;
        throw new DomainException(ErrorKind.Invalid, new Msg($"{zh}“{text}”无效，可选：{string.Join("、", labels.Values.Select(l => l.Zh))}",
            $"Invalid {en} '{text}': use one of {string.Join(", ", labels.Values.Select(l => l.En))}"));
    }

    private static DomainException Unknown(string zh, string en, string value) =>
        new(ErrorKind.NotFound, new Msg($"未找到{zh}“{value}”", $"No {en} '{value}'"));
}
