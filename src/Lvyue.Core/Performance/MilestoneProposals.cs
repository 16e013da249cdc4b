using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Files;
using Lvyue.Review.Extraction;
using Lvyue.Review.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>
/// A milestone proposed from the contract text. <see cref="NeedsDate"/> marks a proposal whose due date the
/// text does not determine (paid on invoice, "other"): the clerk enters it by hand instead.
/// </summary>
public sealed record MilestoneProposal(int Index, MilestoneInput Input, double Confidence, string? Words, bool NeedsDate);

/// <summary>
/// Proposes milestones from the ledger extraction of a contract's document (payment schedule, end date,
/// warranty) and adds the ones the clerk accepts. A relative rule such as 验收合格后30日内 stays a rule on a
/// proposed acceptance milestone and becomes a date when that acceptance is met.
/// </summary>
public sealed class MilestoneProposals(LvyueDbContext db, FileStore files, MilestoneService milestones)
{
    private static readonly string[] Readable = [".docx", ".pdf", ".txt"];

    /// <summary>The proposals from a document of the contract (default: the newest .docx/.pdf/.txt).</summary>
    public async Task<(ContractDocument Document, IReadOnlyList<MilestoneProposal> Proposals)> ForContractAsync(long contractId, long? documentId = null,
        CancellationToken ct = default)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct) ?? throw DomainException.NotFound("合同|contract");
        var docs = await db.ContractDocuments.AsNoTracking().Where(d => d.ContractId == contractId)
            .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id).ToListAsync(ct);
        var doc = documentId is { } id ? docs.FirstOrDefault(d => d.Id == id) : docs.FirstOrDefault(d => Readable.Contains(Path.GetExtension(d.FileName).ToLowerInvariant()));
        if (doc is null)
            throw new DomainException(ErrorKind.NotFound, new Msg("没有可读取的合同文本（.docx、.pdf 或 .txt）", "No readable contract document (.docx, .pdf or .txt)"));
        var ext = Path.GetExtension(doc.FileName).ToLowerInvariant();
        if (!Readable.Contains(ext))
            throw new DomainException(ErrorKind.Invalid, new Msg("只能从 .docx、.pdf 或 .txt 合同文本中提取履约节点", "Milestones can be proposed only from a .docx, .pdf or .txt document"));
        var tmp = Path.Combine(Path.GetTempPath(), $"lvyue-proposal-{Guid.NewGuid():N}{ext}");
        try
        {
            await using (var src = files.Open(doc.Sha256))
            await using (var dst = File.Create(tmp))
                await src.CopyToAsync(dst, ct);
            var ingested = await new DocumentIngestor().IngestAsync(tmp, ct);
            return (doc, FromExtraction(LedgerExtractor.Extract(ingested), contract));
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    /// <summary>Adds the proposals at <paramref name="indexes"/> (and the trigger milestones they count from) to the schedule.</summary>
    public async Task<IReadOnlyList<Milestone>> AcceptAsync(long contractId, IReadOnlyCollection<int> indexes, long? documentId = null,
        CancellationToken ct = default)
    {
        var (_, proposals) = await ForContractAsync(contractId, documentId, ct);
        var chosen = new SortedSet<int>();
        foreach (var i in indexes)
        {
            if (i < 0 || i >= proposals.Count)
                throw new DomainException(ErrorKind.Invalid, new Msg($"没有第{i + 1}条建议", $"There is no proposal {i + 1}"));
            for (int? k = i; k is { } x; k = proposals[x].Input.TriggerIndex) chosen.Add(x);
        }
        var needing = chosen.Where(i => proposals[i].NeedsDate).ToList();
        if (needing.Count > 0)
            throw new DomainException(ErrorKind.Invalid, new Msg("所选建议中有节点缺少到期日，请手工添加",
                "Some chosen proposals have no due date; add them by hand"),
                new Dictionary<string, Msg[]> { ["indexes"] = [.. needing.Select(i => new Msg($"第{i + 1}条缺少到期日", $"Proposal {i + 1} has no due date"))] });
        var order = chosen.ToList();
        var inputs = order.Select(i => proposals[i].Input with { TriggerIndex = proposals[i].Input.TriggerIndex is { } t ? order.IndexOf(t) : null }).ToList();
        return await milestones.AddManyAsync(contractId, inputs, MilestoneSource.Extraction, ct);
    }

    /// <summary>The proposals an extraction gives for a contract (the contract's own dates win over the text's).</summary>
    public static IReadOnlyList<MilestoneProposal> FromExtraction(LedgerExtraction x, Contract contract)
    {
        var list = new List<MilestoneProposal>();
        var end = contract.EndDate ?? x.EndDate?.Value;
        var total = contract.Amount > 0 ? contract.Amount : x.AmountTotal?.Value ?? 0;
        int? delivery = null, acceptance = null, warranty = null;

        string Words(int start, int stop) => start >= 0 && stop <= x.Text.Length && stop > start
            ? Clip(x.Text[start..stop].Replace('\n', ' ').Trim()) : "";
        int Add(MilestoneInput input, double confidence, string? words, bool needsDate = false)
        {
            list.Add(new MilestoneProposal(list.Count, input, confidence, words, needsDate));
            return list.Count - 1;
        }
        int Delivery()
        {
            if (delivery is { } d) return d;
            var kind = contract.Category == Category.Goods ? MilestoneKind.Delivery : MilestoneKind.Completion;
            var title = contract.Category switch { Category.Goods => "到货交付", Category.Works => "竣工", _ => "服务期满" };
            var input = new MilestoneInput { Kind = kind, Title = title, ResponsibleParty = ResponsibleParty.Supplier, DueDate = end };
            delivery = Add(input, x.EndDate?.Confidence ?? 0.5, x.EndDate is { } e ? Words(e.Start, e.End) : null, needsDate: end is null);
            return delivery.Value;
        }
        int Acceptance()
        {
            if (acceptance is { } a) return a;
            acceptance = Add(new MilestoneInput
            {
                Kind = MilestoneKind.Acceptance, Title = "验收", ResponsibleParty = ResponsibleParty.Purchaser,
                RuleTrigger = DueTrigger.Milestone, TriggerIndex = Delivery(), RuleOffsetDays = 0, RuleDayCount = DayCount.Calendar,
                RuleText = "交付后组织验收（验收期限以合同约定为准）",
            }, 0.6, null, needsDate: list[Delivery()].NeedsDate);
            return acceptance.Value;
        }
        int? Warranty()
        {
            if (warranty is { } w) return w;
            if (x.WarrantyMonths is not { } months) return null;
            warranty = Add(new MilestoneInput
            {
                Kind = MilestoneKind.WarrantyEnd, Title = $"质保期满（{months.Value}个月）", ResponsibleParty = ResponsibleParty.Supplier,
                RuleTrigger = DueTrigger.Milestone, TriggerIndex = Acceptance(), RuleOffsetDays = months.Value, RuleDayCount = DayCount.Months,
                RuleText = Words(months.Start, months.End) is { Length: > 0 } wd ? wd : $"质保期{months.Value}个月，自验收合格之日起计",
            }, months.Confidence, Words(months.Start, months.End), needsDate: list[Acceptance()].NeedsDate);
            return warranty;
        }

        if (end is not null) Delivery();
        foreach (var p in x.PaymentSchedule)
        {
            // A percent applies to the ledger's amount (the text's total may differ from what was filed).
            var amount = p.Percent is { } pc && total > 0 ? Math.Round(total * pc / 100m, 2) : p.Amount;
            var title = $"第{p.Sequence}期付款" + (p.Percent is { } pct ? $"（{pct:0.##}%）" : "");
            var words = Words(p.Start, p.End);
            var days = p.DaysAfterTrigger ?? 0;
            var count = p.WorkingDays == true ? DayCount.Working : DayCount.Calendar;
            var input = new MilestoneInput
            {
                Kind = MilestoneKind.PaymentInstallment, Title = title, Amount = amount, ResponsibleParty = ResponsibleParty.Purchaser,
                RuleText = words.Length == 0 ? null : words,
            };
            switch (p.Trigger)
            {
                case PaymentTriggers.Date when p.DueDate is { } due:
                    Add(input with { DueDate = due }, p.Confidence, words);
                    break;
                case PaymentTriggers.Signing:
                    Add(input with { RuleTrigger = DueTrigger.ContractSigned, RuleOffsetDays = days, RuleDayCount = count }, p.Confidence, words);
                    break;
                case PaymentTriggers.Delivery:
                    var d = Delivery();
                    Add(input with { RuleTrigger = DueTrigger.Milestone, TriggerIndex = d, RuleOffsetDays = days, RuleDayCount = count }, p.Confidence, words, list[d].NeedsDate);
                    break;
                case PaymentTriggers.Acceptance:
                    var a = Acceptance();
                    Add(input with { RuleTrigger = DueTrigger.Milestone, TriggerIndex = a, RuleOffsetDays = days, RuleDayCount = count }, p.Confidence, words, list[a].NeedsDate);
                    break;
                case PaymentTriggers.WarrantyEnd when Warranty() is { } w:
                    Add(input with { RuleTrigger = DueTrigger.Milestone, TriggerIndex = w, RuleOffsetDays = days, RuleDayCount = count }, p.Confidence, words, list[w].NeedsDate);
                    break;
                default:
                    // Invoices, periods and anything else: the text does not fix a date the platform can compute.
                    Add(input, p.Confidence, words, needsDate: true);
                    break;
            }
        }
        Warranty();
        return list;
    }

    private static string Clip(string s) => s.Length <= 500 ? s : s[..499] + "…";
}
