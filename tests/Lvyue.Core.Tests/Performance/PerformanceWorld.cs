using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>Filed contracts to hang milestones on (the clock stands at Monday 2 March 2026).</summary>
internal static class PerformanceWorld
{
    /// <summary>A contract of <see cref="TestWorld.Unit"/> (signed 20 Feb 2026, ends 28 Feb 2027), moved to <paramref name="status"/>.</summary>
    public static async Task<Contract> ContractAsync(TestDatabase db, TestWorld world, string number, decimal amount = 100_000m,
        ContractStatus status = ContractStatus.Filed, bool other = false, string? text = null)
    {
        Contract c;
        await using (var s = db.Scope(other ? world.OtherClerk : world.Clerk))
        {
            var input = other ? world.OtherInput(number, amount) : world.Input(number, amount);
            c = await s.Filing.CreateAsync(input, [TestFiles.Txt(text ?? "物业管理服务合同\n甲方：示范区教育局\n乙方：鹏城物业管理有限公司\n")]);
        }
        if (status != ContractStatus.Draft)
        {
            await using var sys = db.AsSystem();
            await sys.Db.Contracts.Where(x => x.Id == c.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, status));
        }
        c.Status = status;
        return c;
    }

    public static MilestoneInput Delivery(DateOnly due, decimal? amount = null) => new()
    {
        Kind = MilestoneKind.Delivery, Title = "到货交付", DueDate = due, ResponsibleParty = ResponsibleParty.Supplier, Amount = amount,
    };

    public static MilestoneInput Payment(DateOnly due, decimal amount) => new()
    {
        Kind = MilestoneKind.PaymentInstallment, Title = "付款", DueDate = due, ResponsibleParty = ResponsibleParty.Purchaser, Amount = amount,
    };
}
