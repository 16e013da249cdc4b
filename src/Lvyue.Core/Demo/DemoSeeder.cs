using System.Text;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Demo;

/// <summary>A demo login printed at first start.</summary>
public sealed record DemoLogin(string UserName, string Password, string Role, string Organization);

/// <summary>
/// Seeds a demo district (罗湖区-like) with budget units, departments, suppliers, budget lines,
/// region policies, one login per role and contracts in every status. Runs once: a database that
/// already has a region is left alone.
/// </summary>
public sealed class DemoSeeder(LvyueDbContext db, UserManager<AppUser> users, IServiceProvider services)
{
    public const string DemoPassword = "Lvyue@2026";

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(int contracts = 60, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct)) return [];
        // Checked before anything is written, so a stricter policy never leaves a region without its logins.
        if (await PolicyConflictAsync() is { } conflict) throw new InvalidOperationException(conflict);
        var today = ChinaTime.Today(db.Clock);
        var region = new Region { Code = "440303", Name = "示范区" };
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);

        var units = new List<BudgetUnit>();
        foreach (var (code, name, depts) in UnitSeeds)
        {
            var u = new BudgetUnit
            {
                RegionId = region.Id, Code = code, Name = name, Uscc = Uscc.Complete($"11440303{code.PadLeft(8, '0')}{code.Length % 10}"),
                ContactName = "王明", ContactPhone = "0755-8222" + code[^4..],
            };
            foreach (var d in depts) u.Departments.Add(new Department { Name = d });
            units.Add(u);
        }
        db.BudgetUnits.AddRange(units);
        var suppliers = SupplierSeeds.Select((s, i) => new Supplier
        {
            Name = s.Name, Uscc = Uscc.Complete($"91440300{(7100000 + i * 137):D9}"), LegalRepresentative = s.Rep,
            Address = $"深圳市罗湖区{s.Street}", ContactName = s.Contact, ContactPhone = $"1380013{i:D4}",
            ContactEmail = $"contact{i + 1}@supplier{i + 1}.example.cn", IsSme = s.Sme,
            BankName = "中国工商银行深圳罗湖支行", BankAccount = $"40000210090{i:D8}",
        }).ToList();
        db.Suppliers.AddRange(suppliers);
        db.FilingThresholds.Add(new FilingThreshold { RegionId = region.Id, MinAmount = 30_000m, Note = "罗湖：3万元以上合同全部备案" });
        db.ApprovalBands.AddRange(
            new ApprovalBand { RegionId = region.Id, MinAmount = 0m, Level = ApprovalLevel.UnitLeader },
            new ApprovalBand { RegionId = region.Id, MinAmount = 200_000m, Level = ApprovalLevel.Authority });
        await db.SaveChangesAsync(ct);

        var lines = new List<BudgetLine>();
        foreach (var u in units)
        {
            foreach (var (code, name, amount) in LineSeeds)
                lines.Add(new BudgetLine { BudgetUnitId = u.Id, RegionId = region.Id, Year = today.Year, Code = $"{today.Year}-{u.Code}-{code}", Name = name, Amount = amount });
        }
        db.BudgetLines.AddRange(lines);
        await db.SaveChangesAsync(ct);

        var logins = await SeedUsersAsync(region, units, suppliers, ct);
        await SeedContractsAsync(contracts, region, units, suppliers, lines, today, ct);
        await PerformanceDemo.SeedAsync(services, db, ct);
        await EvaluationDemo.SeedAsync(services, db, ct);
        await Credit.Kpi.KpiDemo.SeedAsync(services, db, ct);
        return logins;
    }

    /// <summary>Null when the demo password satisfies the configured password policy; otherwise why not.</summary>
    public async Task<string?> PolicyConflictAsync()
    {
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new AppUser { UserName = "demo", DisplayName = "demo" }, DemoPassword);
            if (!check.Succeeded)
                return $"The demo password '{DemoPassword}' does not meet the configured password policy " +
                       $"({string.Join("; ", check.Errors.Select(e => e.Description))}); relax Security:* or set Demo:Seed=false.";
        }
        return null;
    }

    private async Task<List<DemoLogin>> SeedUsersAsync(Region region, List<BudgetUnit> units, List<Supplier> suppliers, CancellationToken ct)
    {
        var list = new List<(string User, string Name, string Role, long? Region, long? Unit, long? Supplier, string Org)>
        {
            ("clerk", "李经办", Roles.UnitClerk, null, units[0].Id, null, units[0].Name),
            ("leader", "张主任", Roles.UnitLeader, null, units[0].Id, null, units[0].Name),
            ("clerk2", "陈经办", Roles.UnitClerk, null, units[1].Id, null, units[1].Name),
            ("supervisor", "赵科长", Roles.Supervisor, region.Id, null, null, region.Name + "财政局"),
            ("inspector", "孙检查", Roles.Inspector, region.Id, null, null, region.Name + "财政局"),
            ("credit", "周信用", Roles.CreditOffice, region.Id, null, null, region.Name + "信用办"),
            ("discipline", "吴纪检", Roles.DisciplineInspector, region.Id, null, null, region.Name + "纪委监委"),
            ("supplier", "郑经理", Roles.Supplier, null, null, suppliers[0].Id, suppliers[0].Name),
            ("sysadmin", "系统管理员", Roles.SystemAdmin, null, null, null, "平台"),
            ("secadmin", "安全管理员", Roles.SecurityAdmin, null, null, null, "平台"),
            ("auditadmin", "审计管理员", Roles.AuditAdmin, null, null, null, "平台"),
        };
        var result = new List<DemoLogin>();
        foreach (var u in list)
        {
            var user = new AppUser
            {
                UserName = u.User, DisplayName = u.Name, RegionId = u.Region ?? (u.Unit is null ? null : region.Id),
                BudgetUnitId = u.Unit, SupplierId = u.Supplier, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
                Email = $"{u.User}@demo.lvyue.cn", EmailConfirmed = true,
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, u.Role));
            result.Add(new DemoLogin(u.User, DemoPassword, u.Role, u.Org));
        }
        return result;
    }

    private async Task SeedContractsAsync(int count, Region region, List<BudgetUnit> units, List<Supplier> suppliers,
        List<BudgetLine> lines, DateOnly today, CancellationToken ct)
    {
        var subs = await db.Subcategories.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        var rnd = new Random(20261122);
        var leaderScope = (long unitId) => new TenantScope
        {
            All = false, BudgetUnitId = unitId, CanWriteContracts = true, Actor = "demo", Roles = [Roles.UnitLeader],
        };
        for (var i = 0; i < count; i++)
        {
            var sub = subs[i % subs.Count];
            var unit = units[i % units.Count];
            var supplier = suppliers[(i * 7) % suppliers.Count];
            var amount = Math.Round((decimal)(rnd.NextDouble() * rnd.NextDouble()) * 1_800_000m + 8_000m, 0);
            var sign = today.AddDays(-rnd.Next(5, 420));
            var start = sign.AddDays(rnd.Next(0, 15));
            var input = new ContractInput
            {
                Title = $"{unit.Name}{sub.Name}{TitleSuffix(sub.Category)}", Number = $"{unit.Code}-{sign.Year}-{i + 1:D3}",
                BudgetUnitId = unit.Id, Category = sub.Category, SubcategoryId = sub.Id,
                ProcurementMethod = amount >= 1_000_000m ? ProcurementMethod.OpenTender : (ProcurementMethod)(1 + i % 7),
                Amount = amount, TaxRate = sub.Category == Category.Works ? 9m : sub.Category == Category.Goods ? 13m : 6m,
                SignDate = sign, EffectiveDate = sign, StartDate = start, EndDate = start.AddMonths(sub.Category == Category.Goods ? 3 : 12),
                BudgetLineId = lines.First(l => l.BudgetUnitId == unit.Id && l.Code.EndsWith(sub.Category == Category.Works ? "01" : sub.Category == Category.Goods ? "02" : "03")).Id,
                IsKeyProject = amount > 1_000_000m, Confidentiality = i % 11 == 5 ? Confidentiality.CommercialSecret : Confidentiality.Public,
                SupplierIds = [supplier.Id], PurchaserContactName = "李经办", PurchaserContactPhone = "0755-82221234",
                SupplierContactName = supplier.ContactName, SupplierContactPhone = supplier.ContactPhone, SupplierContactEmail = supplier.ContactEmail,
            };
            var clerk = TenantScope.System with { Actor = "clerk" };
            var text = DemoContractText(input, unit, supplier, sub);
            // Each step on the day it would have happened: filed the day after signing, approved two days later, …
            var clock = new DemoClock(db.Clock);
            var c = await Filing(clerk, clock.At(sign.AddDays(1))).CreateAsync(input,
                [new UploadedDocument($"{input.Number}.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)))], ct);
            var stage = i % 10;
            if (stage == 0) continue; // stays a draft
            var task = await Filing(clerk, clock.At(sign.AddDays(1))).SubmitAsync(c.Id, ct);
            if (stage == 1) continue; // pending approval
            var approverScope = task.Level == ApprovalLevel.UnitLeader
                ? leaderScope(unit.Id) with { Actor = "leader" }
                : TenantScope.ForRegion(region.Id, "supervisor") with { Roles = [Roles.Supervisor] };
            await AcknowledgeHighFindingsAsync(approverScope, c.Id, clock.At(sign.AddDays(3)), ct);
            await Filing(approverScope, clock.At(sign.AddDays(3))).ApproveAsync(task.Id, "同意备案", ct);
            if (stage == 2) continue;
            await Filing(clerk, clock.At(start > sign.AddDays(3) ? start : sign.AddDays(3))).ChangeStatusAsync(c.Id, ContractStatus.Performing, null, ct);
            if (stage is 3 or 4 or 5 or 6) continue;
            var end = input.EndDate!.Value;
            var closed = end < today ? end : today;
            if (stage == 9) await Filing(clerk, clock.At(sign.AddDays(3 + (closed.DayNumber - sign.DayNumber) / 2))).ChangeStatusAsync(c.Id, ContractStatus.Terminated, "供应商严重违约，经约谈仍未整改", ct);
            else await Filing(clerk, clock.At(closed)).ChangeStatusAsync(c.Id, ContractStatus.Completed, "验收合格，款项已结清", ct);
        }
    }

    /// <summary>A filing service running as <paramref name="scope"/> on a fresh context, as a separate request would.</summary>
    private FilingService Filing(TenantScope scope, TimeProvider? clock = null)
    {
        var options = services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<LvyueDbContext>>();
        var ctx = new LvyueDbContext(options, new FixedTenantContext(scope), clock ?? db.Clock);
        var files = services.GetRequiredService<Files.FileStore>();
        // Demo documents are reviewed like uploaded ones, so the review page of every demo contract has its findings.
        var reviews = new Review.Reviews.ContractReviewService(ctx, files, services.GetService<Review.Ingestion.IngestionOptions>());
        return new FilingService(ctx, files, services.GetRequiredService<FilingOptions>(), reviews: reviews);
    }

    /// <summary>
    /// High-severity review findings need an answer before approval: the demo approver acknowledges them (accepted, to be
    /// fixed), as a leader would after reading the review. Contracts left pending approval keep theirs open.
    /// </summary>
    private async Task AcknowledgeHighFindingsAsync(TenantScope scope, long contractId, TimeProvider clock, CancellationToken ct)
    {
        var options = services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<LvyueDbContext>>();
        await using var ctx = new LvyueDbContext(options, new FixedTenantContext(scope), clock);
        var reviews = new Review.Reviews.ContractReviewService(ctx, services.GetRequiredService<Files.FileStore>(), services.GetService<Review.Ingestion.IngestionOptions>());
        foreach (var f in await Review.Reports.ReviewGate.OpenHighAsync(ctx, contractId, ct))
            await reviews.DecideAsync(contractId, f.Id, Review.Reviews.FindingDisposition.Accepted, "已知悉，签订前补充完善", ct);
    }

    private static string TitleSuffix(Category c) => c switch
    {
        Category.Works => "施工合同",
        Category.Goods => "采购合同",
        _ => "服务合同",
    };

    internal static string DemoContractText(ContractInput i, BudgetUnit unit, Supplier s, Subcategory sub) => $"""
        {i.Title}

        合同编号：{i.Number}
        甲方（采购人）：{unit.Name}
        统一社会信用代码：{unit.Uscc}
        乙方（供应商）：{s.Name}
        统一社会信用代码：{s.Uscc}
        法定代表人：{s.LegalRepresentative}

        第一条 合同标的
        乙方按照本合同约定向甲方提供{sub.Name}。

        第二条 合同金额
        合同总价为人民币{Money.ToCapitals(i.Amount)}（¥{i.Amount:N2}），含税，税率{i.TaxRate}%。

        第三条 履行期限
        自{i.StartDate:yyyy年M月d日}起至{i.EndDate:yyyy年M月d日}止。

        第四条 付款方式
        合同签订后10个工作日内支付合同金额的30%；验收合格后30日内支付至合同金额的97%；余款3%作为质量保证金，质保期满后无息退还。

        第五条 验收
        甲方应在乙方交付后15日内组织验收，验收报告应当包括每一项技术、服务、安全标准的履约情况。

        第六条 违约责任
        乙方逾期履行的，每日按合同金额的万分之五支付违约金，累计不超过合同金额的10%。

        第七条 争议解决
        因本合同引起的争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。

        甲方（盖章）：{unit.Name}          乙方（盖章）：{s.Name}
        签订日期：{i.SignDate:yyyy年M月d日}
        """;

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }

    private static readonly (string Code, string Name, string[] Depts)[] UnitSeeds =
    [
        ("101001", "示范区教育局", ["办公室", "计划财务科", "基础教育科"]),
        ("102001", "示范区卫生健康局", ["办公室", "规划财务科", "医政医管科"]),
        ("103001", "示范区城市管理和综合执法局", ["办公室", "市容环境科", "园林绿化科"]),
        ("104001", "示范区政务服务数据管理局", ["综合科", "数据资源科"]),
        ("105001", "示范区东门街道办事处", ["党政综合办", "城市建设办"]),
    ];

    private static readonly (string Name, string Rep, string Street, string Contact, bool Sme)[] SupplierSeeds =
    [
        ("深圳市鹏城物业管理有限公司", "郑国强", "东门街道人民北路88号", "郑经理", true),
        ("深圳市绿源园林工程有限公司", "林志远", "笋岗街道宝岗路12号", "林工", true),
        ("深圳市华信信息技术股份有限公司", "黄伟", "南湖街道嘉宾路2001号", "黄经理", false),
        ("深圳市安达保安服务有限公司", "刘安", "桂园街道解放路36号", "刘队长", true),
        ("广东建工集团有限公司", "陈建", "黄贝街道深南东路1008号", "陈工", false),
        ("深圳市洁美清洁服务有限公司", "何丽", "翠竹街道太白路66号", "何主管", true),
        ("深圳市康瑞医疗器械有限公司", "杨康", "莲塘街道国威路199号", "杨经理", true),
        ("深圳市博学教学设备有限公司", "吴博", "清水河街道清水河一路5号", "吴经理", true),
        ("深圳市正和律师事务所", "周正", "桂园街道红岭中路1010号", "周律师", true),
        ("深圳市诚信会计师事务所", "钱诚", "南湖街道和平路3003号", "钱会计", true),
        ("深圳市华南办公家具有限公司", "冯华", "笋岗街道梨园路8号", "冯经理", true),
        ("深圳市德润餐饮管理有限公司", "褚德", "东晓街道布心路200号", "褚经理", true),
    ];

    private static readonly (string Code, string Name, decimal Amount)[] LineSeeds =
    [
        ("01", "基本建设支出", 80_000_000m),
        ("02", "设备购置费", 30_000_000m),
        ("03", "委托业务费", 50_000_000m),
    ];
}
