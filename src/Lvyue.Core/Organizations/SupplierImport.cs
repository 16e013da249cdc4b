using System.Diagnostics;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Organizations;

/// <summary>
/// Imports suppliers from .xlsx/.csv, all or nothing. Each USCC is checked with <see cref="Uscc.Explain"/>
/// and may appear once in the file. A USCC already registered updates that supplier: the filled cells
/// overwrite its fields, empty cells keep them (so a file of corrections needs only the changed columns).
/// Written in one transaction through SaveChanges, so every insert and update is audited.
/// Finance supervisors and the system may import suppliers.
/// </summary>
public sealed class SupplierImport(LvyueDbContext db)
{
    public static readonly ImportColumn Code = new("uscc", "统一社会信用代码", "USCC", true,
        "18位，按GB 32100-2015校验；已登记的代码将更新该供应商", "18 characters, checked per GB 32100-2015; a registered code updates that supplier", "");
    public static readonly ImportColumn Name = new("name", "供应商名称", "Name", false,
        "最多200字；新供应商必填，更新已登记的供应商时可不填", "At most 200 characters; required for a new supplier, optional when updating one", "深圳市华南办公家具有限公司");
    public static readonly ImportColumn Representative = new("legalRepresentative", "法定代表人", "Legal representative", false, "", "", "冯华");
    public static readonly ImportColumn Address = new("address", "地址", "Address", false, "", "", "深圳市罗湖区笋岗街道梨园路8号");
    public static readonly ImportColumn ContactName = new("contactName", "联系人", "Contact", false, "", "", "冯经理");
    public static readonly ImportColumn ContactPhone = new("contactPhone", "联系电话", "Phone", false, "", "", "13800131370");
    public static readonly ImportColumn ContactEmail = new("contactEmail", "电子邮箱", "Email", false, "", "", "feng@example.cn");
    public static readonly ImportColumn Sme = new("isSme", "中小企业", "SME", false, "是 或 否", "是 (yes) or 否 (no)", "是")
    { Kind = ImportCellKind.YesNo, Choices = ["是", "否"] };
    public static readonly ImportColumn BankName = new("bankName", "开户银行", "Bank", false, "", "", "中国工商银行深圳罗湖支行");
    public static readonly ImportColumn BankAccount = new("bankAccount", "银行账号", "Bank account", false, "数字，可含空格", "Digits, spaces allowed", "4000021009000000010");

    public static readonly IReadOnlyList<ImportColumn> Columns =
        [Code, Name, Representative, Address, ContactName, ContactPhone, ContactEmail, Sme, BankName, BankAccount];

    private sealed record Row(int Number, string Uscc, string? Name, string? Rep, string? Address, string? Contact,
        string? Phone, string? Email, bool? Sme, string? Bank, string? Account);

    public static void WriteTemplate(Stream output) => ImportTemplate.Write(output, "供应商", Columns,
        [Columns.Select(c => c == Code ? Uscc.Complete("91440300007101370") : c.Example).ToList()], []);

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        if (!db.Scope.All && !db.Scope.HasRole(Roles.Supervisor)) throw DomainException.Forbidden();
        var clock = Stopwatch.StartNew();
        await using var source = await ImportSource.OpenAsync(content, fileName, ct);
        var problems = new ImportProblems();
        var seen = new Dictionary<string, int>();
        var all = ImportReading.ReadAll(source, Columns, problems, r => Parse(r, seen));
        var rows = all.OfType<Row>().ToList();
        foreach (var chunk in rows.Where(r => r.Name is null).Chunk(500))
        {
            var codes = chunk.Select(r => r.Uscc).ToList();
            var known = (await db.Suppliers.Where(s => codes.Contains(s.Uscc)).Select(s => s.Uscc).ToListAsync(ct)).ToHashSet();
            foreach (var r in chunk.Where(r => !known.Contains(r.Uscc)))
                problems.Add(r.Number, Name.Header, "新供应商须填写名称", "A new supplier needs a name");
        }
        if (problems.Any) return problems.ToResult("suppliers", all.Count, clock.Elapsed);

        int inserted = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in rows.Chunk(500))
        {
            var codes = chunk.Select(r => r.Uscc).ToList();
            var existing = await db.Suppliers.Where(s => codes.Contains(s.Uscc)).ToDictionaryAsync(s => s.Uscc, ct);
            foreach (var r in chunk)
            {
                if (existing.TryGetValue(r.Uscc, out var s)) updated++;
                else
                {
                    s = new Supplier { Uscc = r.Uscc, Name = r.Name! };
                    db.Suppliers.Add(s);
                    inserted++;
                }
                Apply(s, r);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return new ImportResult { What = "suppliers", Rows = rows.Count, Inserted = inserted, Updated = updated, Elapsed = clock.Elapsed };
    }

    private static Row? Parse(ImportRow r, Dictionary<string, int> seen)
    {
        var code = r.Text(Code);
        if (code is not null)
        {
            code = Uscc.Normalize(code);
            if (Uscc.Explain(code) is { } why) { r.Fail(Code, Msg.FromPair(why)); code = null; }
            else if (!ImportReading.Unique(seen, code, r, Code, "统一社会信用代码")) code = null;
        }
        var row = new Row(r.Number, code ?? "", r.Text(Name, 200), r.Text(Representative, 50), r.Text(Address, 300),
            r.Text(ContactName, 50), r.Text(ContactPhone, 32), r.Text(ContactEmail, 254),
            r.Text(Sme) is null ? null : r.YesNo(Sme), r.Text(BankName, 100), r.Text(BankAccount, 40));
        if (row.Email is { } e && (!e.Contains('@') || e.Contains(' '))) r.Fail(ContactEmail, "电子邮箱格式不正确", "The email address is not valid");
        if (row.Account is { } a && !a.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-'))
            r.Fail(BankAccount, "银行账号只能包含数字", "The bank account may contain only digits");
        return r.HasErrors ? null : row;
    }

    private static void Apply(Supplier s, Row r)
    {
        if (r.Name is not null) s.Name = r.Name;
        s.LegalRepresentative = r.Rep ?? s.LegalRepresentative;
        s.Address = r.Address ?? s.Address;
        s.ContactName = r.Contact ?? s.ContactName;
        s.ContactPhone = r.Phone ?? s.ContactPhone;
        s.ContactEmail = r.Email ?? s.ContactEmail;
        s.IsSme = r.Sme ?? s.IsSme;
        s.BankName = r.Bank ?? s.BankName;
        s.BankAccount = r.Account ?? s.BankAccount;
    }
}
