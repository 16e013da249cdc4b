using Lvyue.Contracts;
using Lvyue.Integration;
using Lvyue.Testing;
using C = Lvyue.Contracts.ContractImportColumns;

namespace Lvyue.Tests.Contracts;

/// <summary>Rows of a contract import file for a <see cref="TestWorld"/>: valid services contracts of its first unit, varied by column.</summary>
internal static class ContractImportSample
{
    public static readonly IReadOnlyList<string> Headers = C.All.Select(c => c.Header).ToList();

    /// <summary>A valid row numbered <paramref name="number"/>; <paramref name="change"/> overrides cells by column.</summary>
    public static IReadOnlyList<object?> Row(TestWorld w, string number, decimal amount = 50_000m, params (ImportColumn Column, object? Value)[] change)
    {
        var values = new Dictionary<string, object?>
        {
            [C.Number.Key] = number,
            [C.Title.Key] = w.Unit.Name + "物业管理服务合同" + number,
            [C.UnitCode.Key] = w.Unit.Code,
            [C.Category.Key] = "服务",
            [C.Subcategory.Key] = w.Services.Code,
            [C.Method.Key] = "竞争性磋商",
            [C.Amount.Key] = amount,
            [C.TaxRate.Key] = 6m,
            [C.SignDate.Key] = new DateOnly(2026, 2, 20),
            [C.EffectiveDate.Key] = new DateOnly(2026, 2, 20),
            [C.StartDate.Key] = new DateOnly(2026, 3, 1),
            [C.EndDate.Key] = new DateOnly(2027, 2, 28),
            [C.BudgetLine.Key] = w.Line.Code,
            [C.Suppliers.Key] = w.Supplier.Uscc,
            [C.KeyProject.Key] = "否",
            [C.Confidentiality.Key] = "公开",
            [C.PurchaserContactName.Key] = "李经办",
            [C.PurchaserContactPhone.Key] = "0755-82221234",
        };
        foreach (var (column, value) in change) values[column.Key] = value;
        return C.All.Select(c => values.GetValueOrDefault(c.Key)).ToList();
    }

    /// <summary>Rows numbered IMP-0001… of <paramref name="amount"/> each.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(TestWorld w, int count, decimal amount = 10_000m) =>
        Enumerable.Range(1, count).Select(i => Row(w, $"IMP-{i:D4}", amount));
}
