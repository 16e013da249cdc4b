using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Lvyue.Credit;
using Lvyue.Performance;
using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;

namespace Lvyue.Notary;

/// <summary>
/// The payloads of the performance, payment, import and credit events (docs/notary-leaf-format.md, "Event kinds").
/// A leaf is disclosed with its receipt, so it carries only ids, dates and codes in clear; what is confidential
/// (amounts, voucher numbers, payees, reasons, notes) is bound by the digest <c>facts.sha256</c>: SHA-256 of the
/// canonical JSON of those facts (<see cref="FactsJson"/>), which whoever holds the record can recompute and compare.
/// </summary>
public static class NotaryFacts
{
    /// <summary>The digest name of the facts digest.</summary>
    public const string FactsDigest = "facts.sha256";

    /// <summary>An approved change: which one, its kind, whether it broke the 10% rule; before/after values in the facts.</summary>
    public static NotaryPayload ChangeApproved(ContractChange c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Payload(
            [("change", Id(c.Id)), ("seq", Id(c.SequenceNo)), ("change-kind", c.Kind.ToString()), ("noncompliant", c.NonCompliant ? "true" : "false")],
            [("amount-before", Amount(c.AmountBefore)), ("amount-after", Amount(c.AmountAfter)), ("end-before", Day(c.EndDateBefore)),
             ("end-after", Day(c.EndDateAfter)), ("supplier-before", Id(c.SupplierIdBefore)), ("supplier-after", Id(c.SupplierIdAfter)),
             ("reason", c.Reason), ("description", c.Description), ("decision-note", c.DecisionNote)]);
    }

    /// <summary>A recorded acceptance: its date, result and counts; participants, summary and findings in the facts.</summary>
    public static NotaryPayload Acceptance(AcceptanceRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Payload(
            [("acceptance", Id(a.Id)), ("date", Day(a.Date)), ("result", a.Result.ToString()), ("findings", Id(a.Findings.Count)),
             ("deviations", Id(a.Findings.Count(f => f.Result == FindingResult.Deviates)))],
            [("participants", a.Participants), ("summary", a.Summary), ("report-document", Id(a.ReportDocumentId)),
             ("findings", string.Join("\n", a.Findings.OrderBy(f => f.SortOrder).Select(f => $"{f.Item}\t{f.Standard}\t{f.Result}\t{f.Note}")))]);
    }

    /// <summary>A treasury payment: its id, date, how it was matched and to which milestone; voucher, amount, payer and payee in the facts.</summary>
    public static NotaryPayload Payment(Payment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Payload(
            [("payment", Id(p.Id)), ("pay-date", Day(p.PayDate)), ("match", p.Match.ToString()), ("milestone", Id(p.MilestoneId))],
            [("voucher", p.VoucherNo), ("amount", Amount(p.Amount)), ("payer", p.PayerUnit), ("payee", p.PayeeName), ("account", p.PayeeAccount),
             ("contract-number", p.ContractNumber), ("purpose", p.Purpose)]);
    }

    /// <summary>A contract created by bulk import from the file whose SHA-256 is <paramref name="fileSha256"/>.</summary>
    public static NotaryPayload ContractImported(string fileSha256) =>
        Payload([("status", "Draft"), ("file-sha256", fileSha256)], []);

    /// <summary>A determination confirmed, revoked or repaired: subject, dates, restriction; the documents' digests.</summary>
    public static NotaryPayload Determination(DishonestyDetermination d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var digests = new Dictionary<string, string>();
        if (d.PdfSha256 is { Length: > 0 } pdf) digests["pdf.sha256"] = pdf.ToLowerInvariant();
        if (d.DocxSha256 is { Length: > 0 } docx) digests["docx.sha256"] = docx.ToLowerInvariant();
        digests[FactsDigest] = Digest([("number", d.Number), ("facts", d.Facts), ("basis", d.Basis), ("measures", d.Measures),
            ("appeal-decision", d.AppealDecisionNote), ("repair-reason", d.RepairReason)]);
        var attrs = Attrs([("determination", Id(d.Id)), ("subject", d.Subject.ToString()), ("subject-id", Id(d.SubjectId)),
            ("state", d.State.ToString()), ("published-on", d.PublishedAt is { } p ? Day(DateOnly.FromDateTime(Common.ChinaTime.Local(p))) : null),
            ("expires-on", Day(d.ExpiresOn)), ("restriction-months", Id(d.RestrictionMonths))]);
        return new NotaryPayload(attrs, digests);
    }

    /// <summary>A termination register entry: its id, date and supplier; the reason in the facts.</summary>
    public static NotaryPayload TerminationEntered(TerminationEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Payload([("entry", Id(e.Id)), ("entered-on", Day(e.EnteredOn)), ("supplier", Id(e.SupplierId))],
            [("reason", e.Reason), ("documents", e.DocumentIds)]);
    }

    /// <summary>The dispute outcome of a termination register entry; its note in the facts.</summary>
    public static NotaryPayload TerminationOutcome(TerminationEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Payload([("entry", Id(e.Id)), ("outcome", e.Outcome?.ToString()), ("outcome-on", Day(e.OutcomeOn))], [("note", e.OutcomeNote)]);
    }

    /// <summary>An interview or supervision action on an overdue milestone; its note in the facts.</summary>
    public static NotaryPayload SupervisionAction(SupervisionAction a, long milestoneId)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Payload([("action", Id(a.Id)), ("milestone", Id(milestoneId)), ("date", Day(a.Date))],
            [("note", a.Note), ("document", Id(a.DocumentId))]);
    }

    /// <summary>A milestone met or partially met.</summary>
    public static NotaryPayload MilestoneMet(Milestone m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Payload([("milestone", Id(m.Id)), ("milestone-kind", m.Kind.ToString()), ("status", m.Status.ToString()), ("met-on", Day(m.MetDate))],
            [("evidence-note", m.EvidenceNote), ("evidence-document", Id(m.EvidenceDocumentId))]);
    }

    /// <summary>
    /// The canonical JSON of facts: one object, keys in ordinal order, absent (null) facts left out, compact, with
    /// System.Text.Json's default escaping (as the leaf data). Amounts are written with two decimals, dates as yyyy-MM-dd.
    /// </summary>
    public static byte[] FactsJson(IEnumerable<(string Name, string? Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (name, value) in facts.Where(f => f.Value is not null).OrderBy(f => f.Name, StringComparer.Ordinal)) w.WriteString(name, value);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>SHA-256 of <see cref="FactsJson"/>, lowercase hex.</summary>
    public static string Digest(IEnumerable<(string Name, string? Value)> facts) => Convert.ToHexStringLower(SHA256.HashData(FactsJson(facts)));

    private static NotaryPayload Payload((string, string?)[] attrs, (string, string?)[] facts) =>
        new(Attrs(attrs), facts.Length == 0 ? null : new Dictionary<string, string> { [FactsDigest] = Digest(facts) });

    private static Dictionary<string, string> Attrs((string Name, string? Value)[] attrs) =>
        attrs.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value!);

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static string? Amount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
