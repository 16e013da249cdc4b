using System.Globalization;
using System.Text.RegularExpressions;
using Lvyue.Organizations;
using Lvyue.Review.Clauses;
using Lvyue.Review.Ingestion;

namespace Lvyue.Review.Extraction;

/// <summary>
/// Extracts a contract's ledger (parties, amount, dates, payment schedule, bond, retention, warranty, liquidated
/// damages, dispute resolution) from its normalized text by labels and the classified clauses. Every value keeps
/// a confidence and its span; a value the text does not state, or states as a blank (____年__月__日), is null.
/// <para>Conventions: an invalid USCC is reported as written with confidence 0.2 so the user sees it and corrects it;
/// a duration counted from a known start ends the day before the anniversary (2024-03-01 plus one year ends
/// 2025-02-28), the way 自…起至…止 periods are written; 自双方签字盖章之日起生效 makes the sign date the effective date
/// (confidence 0.7).</para>
/// </summary>
public static partial class LedgerExtractor
{
    /// <summary>Extracts the ledger of an ingested document.</summary>
    public static LedgerExtraction Extract(IngestedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Extract(document.Normalized);
    }

    /// <summary>Extracts the ledger of a normalized text.</summary>
    public static LedgerExtraction Extract(NormalizedText normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var result = Extract(normalized.Text);
        AsWritten(normalized, result);
        return result;
    }

    /// <summary>Extracts the ledger of a text already normalized with <see cref="TextNormalizer"/>.</summary>
    public static LedgerExtraction Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new LedgerExtraction { Text = text };
        var clauses = ClauseClassifier.Default.Classify(ClauseSegmenter.Segment(text));
        result.Clauses = clauses;
        var lines = Lines(text);
        var scratch = new Scratch();

        result.Title = Title(text, lines);
        result.ContractNumber = Labelled(text, ContractNumberLabel(), v => ContractNumberValue().IsMatch(v) ? v : null, 0.95);
        ExtractParties(text, lines, result, scratch);
        result.Category = Category(text, result.Title);
        ExtractAmount(text, clauses, result, scratch);
        ExtractDates(text, result);
        result.PaymentSchedule = Schedule(text, clauses, result.AmountTotal?.Value);
        ExtractBondRetentionWarranty(text, result);
        result.LiquidatedDamagesRatePerDay = DamagesRate(text, result);
        ExtractDispute(text, clauses, result);
        ExtractTerms(text, result);
        result.Consistency = ConsistencyCheck.Facts(result, scratch);
        return result;
    }

    private readonly record struct Line(int Start, int End, string Value);

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add(new Line(start, i, text[start..i]));
                start = i + 1;
            }
        }
        return lines;
    }

    private static Extracted<string>? Trimmed(string text, int start, int end, double confidence)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '_')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '。' or ';' or '；' or ',' or '_')) end--;
        return end > start ? new Extracted<string>(text[start..end], confidence, start, end) : null;
    }

    private static Extracted<string>? Labelled(string text, Regex label, Func<string, string?> accept, double confidence)
    {
        foreach (Match m in label.Matches(text))
        {
            var g = m.Groups["v"];
            var v = Trimmed(text, g.Index, g.Index + g.Length, confidence);
            if (v is null) continue;
            if (accept(v.Value) is { } ok) return v with { Value = ok };
        }
        return null;
    }

    // ---- title and category ----

    private static Extracted<string>? Title(string text, List<Line> lines)
    {
        var named = Labelled(text, ContractNameLabel(), v => v, 0.95);
        if (named is not null) return named;
        foreach (var line in lines.Take(6))
        {
            var v = line.Value.Trim();
            if (v.Length is < 4 or > 40 || v.Contains(':') || v.StartsWith('(')) continue;
            if (!(v.Contains("合同") || v.Contains("协议"))) continue;
            var start = line.Start + line.Value.IndexOf(v, StringComparison.Ordinal);
            var index = lines.IndexOf(line);
            if (v.Length <= 6 && index > 0 && lines[index - 1].Value.Trim() is { Length: >= 4 and <= 30 } project
                && (project.EndsWith("工程", StringComparison.Ordinal) || project.EndsWith("项目", StringComparison.Ordinal)) && !project.Contains(':'))
            {
                var from = lines[index - 1].Start + lines[index - 1].Value.IndexOf(project, StringComparison.Ordinal);
                return new Extracted<string>(project + v, 0.8, from, start + v.Length);
            }
            return new Extracted<string>(v, 0.9, start, start + v.Length);
        }
        return null;
    }

    private static readonly string[] WorksTitleWords = ["施工", "建设工程施工", "工程总承包", "修缮"];
    private static readonly string[] ServiceTitleWords =
        ["服务", "运维", "物业", "咨询", "设计", "监理", "审计", "评价", "规划", "研究", "顾问", "租赁", "托管", "保洁", "安保", "培训", "检测",
         "开发", "维护", "维保", "测绘", "勘察", "评估", "代理", "制作"];
    private static readonly string[] GoodsTitleWords = ["货物", "设备", "买卖", "供货", "采购合同", "购销", "车辆", "家具", "图书", "物资"];

    /// <summary>
    /// works, goods or services: from the title's words (施工 before the service words, so 工程造价咨询 is a service and
    /// 建设工程施工 works; 货物/设备/买卖 goods; a bare 工程 works); a title that says nothing (政府采购合同) falls back to
    /// the body's telling words: 交货/到货 for goods, 服务期限/服务费 for services, 开工/竣工/工期 for works.
    /// </summary>
    private static Extracted<string>? Category(string text, Extracted<string>? title)
    {
        static string? Of(string s)
        {
            if (s.Contains("(货物类)") || s.Contains("货物类")) return "goods";
            if (s.Contains("服务类")) return "services";
            if (s.Contains("工程类")) return "works";
            if (WorksTitleWords.Any(s.Contains)) return "works";
            if (ServiceTitleWords.Any(s.Contains)) return "services";
            var generic = s.Replace("政府采购合同", "", StringComparison.Ordinal);
            if (GoodsTitleWords.Any(generic.Contains)) return "goods";
            if (s.Contains("工程")) return "works";
            return null;
        }
        if (title is not null && Of(title.Value) is { } fromTitle)
            return new Extracted<string>(fromTitle, 0.9, title.Start, title.End);
        var goods = GoodsBodyWords().Count(text);
        var services = ServiceBodyWords().Count(text);
        var works = WorksBodyWords().Count(text);
        if (goods == 0 && services == 0 && works == 0) return null;
        var best = goods >= services && goods >= works ? "goods" : services >= works ? "services" : "works";
        return new Extracted<string>(best, 0.5, 0, Math.Min(text.Length, 600));
    }

    [GeneratedRegex("交货|到货|货物|供货")]
    private static partial Regex GoodsBodyWords();

    [GeneratedRegex("服务期限|服务费|服务内容")]
    private static partial Regex ServiceBodyWords();

    [GeneratedRegex("开工|竣工|工期|施工")]
    private static partial Regex WorksBodyWords();

    // ---- parties ----

    private static void ExtractParties(string text, List<Line> lines, LedgerExtraction result, Scratch scratch)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var m = PartyLabel().Match(lines[i].Value);
            if (!m.Success) continue;
            var purchaser = PurchaserWords.Contains(m.Groups["role"].Value);
            var party = purchaser ? result.Purchaser : result.Supplier;
            var g = m.Groups["v"];
            var from = lines[i].Start + g.Index;
            var to = from + g.Length;
            // 发包人：（公章）某某局, 甲方（盖章）：某某局（盖章）: the stamp marks are not part of the name.
            var stamp = StampMark().Match(text, from, to - from);
            while (stamp.Success)
            {
                if (stamp.Index == from) from += stamp.Length;
                else if (stamp.Index + stamp.Length == to) to = stamp.Index;
                stamp = stamp.NextMatch();
            }
            var name = from < to ? Trimmed(text, from, to, 0.95) : null;
            if (name is not null && (name.Value.Contains("盖章") || name.Value.Contains("签字") || name.Value.Contains(':')
                || name.Value.Contains('\t') || name.Value.Length > 40)) continue;
            if (name is not null) (purchaser ? scratch.PurchaserNames : scratch.SupplierNames).Add(name);
            party.Name ??= name;
            for (var j = i + 1; j < lines.Count && j <= i + 12; j++)
            {
                var line = lines[j];
                if (PartyLabel().IsMatch(line.Value) || ClauseStart().IsMatch(line.Value)) break;
                var first = FieldLabel().Match(line.Value);
                if (!first.Success) continue;
                // 联系人：袁芳　联系电话：0791-86291123: several labelled fields on one line, each value up to the next label.
                for (var f = InlineField().Match(line.Value, first.Groups["label"].Index); f.Success; f = f.NextMatch())
                    ReadField(text, party, f.Groups["label"].Value, line.Start + f.Groups["v"].Index, line.Start + f.Groups["v"].Index + f.Groups["v"].Length);
            }
        }
    }

    private static void ReadField(string text, ExtractedParty party, string label, int from, int to)
    {
        // 法定代表人或其委托代理人：（签字）: a place to sign, not a value.
        while (from < to && text[from] == ' ') from++;
        for (var mark = StampMark().Match(text, from, to - from); mark.Success && mark.Index == from; mark = StampMark().Match(text, from, to - from))
        {
            from += mark.Length;
            while (from < to && text[from] == ' ') from++;
        }
        var value = Trimmed(text, from, to, 0.9);
        if (value is null) return;
        if (label.Contains("信用代码"))
        {
            var cm = UsccShape().Match(value.Value);
            if (cm.Success) value = new Extracted<string>(cm.Value, 0.9, value.Start + cm.Index, value.Start + cm.Index + cm.Length);
            var code = Uscc.Normalize(value.Value);
            party.Uscc ??= value with { Value = code, Confidence = Uscc.IsValid(code) ? 0.95 : 0.2 };
        }
        else if (label.StartsWith("法定代表人", StringComparison.Ordinal) || label == "负责人") party.LegalRepresentative ??= value;
        else if (label.Contains("地址") || label.Contains("住所")) party.Address ??= value;
        else if (label == "联系人") party.ContactName ??= value;
        else if (label.Contains("电话") || label == "手机") party.ContactPhone ??= value;
        else if (label.Contains("邮箱") || label.Contains("mail", StringComparison.OrdinalIgnoreCase)) party.ContactEmail ??= value;
        else if (label.Contains("开户") && !label.Contains("账")) party.BankName ??= value;
        else if (label.Contains("账号")) party.BankAccount ??= value;
    }

    private const string FieldLabels = @"统一社会信用代码|社会信用代码|法定代表人(?:或其?授权代表|或其?委托代理人|/负责人)?(?: ?\((?:签字|签章|签名)\))?|负责人|住所地?|地址|通讯地址|注册地址|联系地址|联系人|联系电话|电话|手机|电子邮箱|邮箱|E-?mail|开户银行|开户行|银行账号|开户账号|账号";

    [GeneratedRegex(@"(?<label>" + FieldLabels + @")\s*[:：](?<v>.*?)(?=\s+(?:" + FieldLabels + @")\s*[:：]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineField();

    [GeneratedRegex(@"\((?:公章|盖章|签章|章|签字|签名|签字或盖章)\)")]
    private static partial Regex StampMark();

    private static readonly HashSet<string> PurchaserWords = ["甲方", "采购人", "采购单位", "采购方", "发包人", "发包方", "委托人", "买方", "需方", "委托方"];

    // ---- amount and tax ----

    private static readonly string[] AmountLabels =
        ["合同总价", "合同总金额", "中标金额", "成交金额", "签约合同价", "合同总额", "合同价款总额", "总价款", "合同价款", "合同金额", "合同价格", "服务费用", "服务费总额", "总金额", "总价",
         "全年合计", "合计金额", "合计", "共计", "总计"];

    private static void ExtractAmount(string text, IReadOnlyList<ClassifiedClause> clauses, LedgerExtraction result, Scratch scratch)
    {
        var found = false;
        foreach (var label in AmountLabels)
        {
            for (var at = text.IndexOf(label, StringComparison.Ordinal); at >= 0 && !found; at = text.IndexOf(label, at + 1, StringComparison.Ordinal))
                found = AmountAt(text, at, at + label.Length, result, scratch);
            if (found) break;
        }
        if (!found)
        {
            // 法律顾问费：人民币120,000.00元, 设计费为人民币296万元: a fee label in the price clause, then anywhere.
            var scopes = clauses.Where(c => c.Codes.Contains(ClauseTypes.Price)).Select(c => (c.Clause.Start, c.Clause.End)).ToList();
            scopes.Add((0, text.Length));
            foreach (var (start, end) in scopes)
            {
                foreach (Match m in FeeLabel().Matches(text[..end], start))
                {
                    // 扣减当月服务费500元, 罚款: a deduction or penalty is not the price.
                    if (text.AsSpan(Math.Max(0, m.Index - 4), Math.Min(4, m.Index)).IndexOfAny("扣罚赔减") >= 0) continue;
                    if (AmountAt(text, m.Index, m.Index + m.Length, result, scratch))
                    {
                        found = true;
                        break;
                    }
                }
                if (found) break;
            }
        }
        var rate = TaxRate().Match(text);
        if (rate.Success)
        {
            var p = rate.Groups["p"];
            result.TaxRate = new Extracted<decimal>(decimal.Parse(p.Value, CultureInfo.InvariantCulture) / 100m, 0.9, rate.Index, rate.Index + rate.Length);
            if (result.TaxInclusive is null && rate.Value.StartsWith('含'))
                result.TaxInclusive = new Extracted<bool>(true, 0.8, rate.Index, rate.Index + rate.Length);
        }
    }

    /// <summary>Reads the total stated right after a label ending at <paramref name="from"/>; false when no amount follows in the sentence.</summary>
    private static bool AmountAt(string text, int at, int from, LedgerExtraction result, Scratch scratch)
    {
        var to = from;
        while (to < text.Length && to - from < 100 && text[to] is not ('。' or '\n')) to++;
        var window = text[from..to];
        Extracted<decimal>? words = null;
        Extracted<string>? wordsText = null;
        var cm = Capitals().Match(window);
        if (cm.Success && ChineseAmount.Parse(cm.Value) is { } capital)
        {
            words = new Extracted<decimal>(capital, 0.9, from + cm.Index, from + cm.Index + cm.Length);
            wordsText = new Extracted<string>(cm.Value, 0.95, words.Start, words.End);
        }
        Extracted<decimal>? figures = null;
        foreach (Match fm in Figures().Matches(window))
        {
            if (fm.Index > 0 && window[fm.Index - 1] is '的' or '约') continue;
            if (ChineseAmount.Parse(fm.Value) is { } figure && figure > 0)
            {
                figures = new Extracted<decimal>(figure, 0.9, from + fm.Index, from + fm.Index + fm.Length);
                break;
            }
        }
        if (words is null && figures is null) return false;
        // 每月人民币肆万伍仟元整: a rate per period or per unit is not the total.
        var firstAmount = Math.Min(words?.Start ?? int.MaxValue, figures?.Start ?? int.MaxValue) - from;
        if (PerPeriod().IsMatch(window[..firstAmount])) return false;
        if (words is not null && figures is not null)
            result.AmountTotal = figures with { Value = Money(figures.Value), Confidence = words.Value == figures.Value ? 0.98 : 0.4 };
        else
            result.AmountTotal = (figures ?? words)! with { Value = Money((figures ?? words)!.Value) };
        result.AmountInWords = wordsText;
        scratch.AmountInWords = words?.Value;
        scratch.AmountInFigures = figures?.Value;
        var sentenceEnd = to;
        while (sentenceEnd < text.Length && sentenceEnd - to < 200 && text[sentenceEnd] is not '\n') sentenceEnd++;
        var sentence = text[at..sentenceEnd];
        var taxed = TaxInclusive().Match(sentence);
        if (taxed.Success)
            result.TaxInclusive = new Extracted<bool>(!taxed.Value.StartsWith('不'), 0.9, at + taxed.Index, at + taxed.Index + taxed.Length);
        return true;
    }

    [GeneratedRegex(@"每月|每季度?|每天|每日|每期|每人|单价")]
    private static partial Regex PerPeriod();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{0,6}(?:费用总额|费总额|费用|费|价款|总价|金额|总额)\s*(?:为|是)?\s*[:：]?\s*(?=(?:人民币|RMB|¥|\(?大写|[0-9壹贰叁肆伍陆柒捌玖]))")]
    private static partial Regex FeeLabel();

    /// <summary>An amount with two decimals (1200000.00).</summary>
    private static decimal Money(decimal value) => decimal.Round(value, 2) + 0.00m;

    // ---- dates ----

    private static void ExtractDates(string text, LedgerExtraction result)
    {
        result.SignDate = LabelledDate(text, SignDateLabel()) ?? LabelledDate(text, SignedOn());
        result.EffectiveDate = LabelledDate(text, EffectiveDateLabel());
        result.StartDate = LabelledDate(text, StartDateLabel());
        result.EndDate = LabelledDate(text, EndDateLabel());

        var range = DateRange().Match(text);
        if (range.Success)
        {
            var a = DateAt(range.Groups["a"], 0.9);
            var b = DateAt(range.Groups["b"], 0.9);
            result.StartDate ??= a;
            result.EndDate ??= b;
        }

        if (result.EffectiveDate is null)
        {
            var fromDate = EffectiveFromDate().Match(text);
            if (fromDate.Success) result.EffectiveDate = DateAt(fromDate.Groups["d"], 0.9);
            else
            {
                var onSigning = EffectiveOnSigning().Match(text);
                if (onSigning.Success && result.SignDate is { } sign)
                    result.EffectiveDate = new Extracted<DateOnly>(sign.Value, 0.7, onSigning.Index, onSigning.Index + onSigning.Length);
            }
        }

        if (result.EndDate is null)
        {
            var d = TermFromSigning().Match(text);
            if (d.Success)
            {
                var from = d.Groups["from"].Value;
                var start = from.Contains("生效") ? result.EffectiveDate : result.SignDate;
                if (start is not null && ChineseDuration.Parse(d.Groups["len"].Value) is { } duration && duration.AddTo(start.Value) is { } anniversary)
                {
                    result.StartDate ??= new Extracted<DateOnly>(start.Value, 0.6, d.Index, d.Index + d.Length);
                    result.EndDate = new Extracted<DateOnly>(anniversary.AddDays(-1), 0.6, d.Index, d.Index + d.Length);
                }
            }
        }

        if (result.StartDate is null && WorksStart().Match(text) is { Success: true } begun) result.StartDate = DateAt(begun.Groups["d"], 0.8);
        if (result.EndDate is null && WorksEnd().Match(text) is { Success: true } finished) result.EndDate = DateAt(finished.Groups["d"], 0.8);

        if (result.StartDate is null)
        {
            var from = TermFromDate().Match(text);
            if (from.Success) result.StartDate = DateAt(from.Groups["d"], 0.8);
        }

        if (result.EndDate is null && result.StartDate is { } known)
        {
            var t = TermLength().Match(text);
            if (t.Success && ChineseDuration.Parse(t.Groups["len"].Value) is { } length && length.AddTo(known.Value) is { } until)
                result.EndDate = new Extracted<DateOnly>(until.AddDays(-1), 0.6, t.Index, t.Index + t.Length);
        }
    }

    private static Extracted<DateOnly>? DateAt(Group g, double confidence) =>
        g.Success && ChineseDate.ParseDay(g.Value) is { } day ? new Extracted<DateOnly>(day, confidence, g.Index, g.Index + g.Length) : null;

    private static Extracted<DateOnly>? LabelledDate(string text, Regex label)
    {
        foreach (Match m in label.Matches(text))
        {
            if (DateAt(m.Groups["d"], 0.95) is { } date) return date;
        }
        return null;
    }

    // ---- payment schedule ----

    private static List<PaymentInstallment> Schedule(string text, IReadOnlyList<ClassifiedClause> clauses, decimal? total)
    {
        var installments = new List<PaymentInstallment>();
        var isPayment = clauses.ToDictionary(c => c.Clause, c => c.Codes.Contains(ClauseTypes.Payment));
        var payment = clauses.Where(c => isPayment[c.Clause] && !Ancestors(c.Clause).Any(p => isPayment.GetValueOrDefault(p))).ToList();
        // 3. 余款5%作为质量保证金，缺陷责任期满后支付: a retention item right after the payment items, classified as
        // retention rather than payment, is still the schedule's last installment.
        var topLevel = clauses.Where(c => c.Clause.Parent is null).Select(c => c.Clause).ToList();
        var trailing = clauses.Where(c => !isPayment[c.Clause] && !Ancestors(c.Clause).Any(p => isPayment.GetValueOrDefault(p))
            && c.Codes.Contains(ClauseTypes.Retention) && PreviousSibling(c.Clause, topLevel) is { } before && isPayment[before]
            && RetentionPaid().IsMatch(text.AsSpan(c.Clause.Start, c.Clause.End - c.Clause.Start))).ToList();
        if (trailing.Count > 0) payment = payment.Concat(trailing).OrderBy(c => c.Clause.Start).ToList();
        foreach (var clause in payment)
        {
            var start = clause.Clause.Start;
            var body = text[start..clause.Clause.End];
            foreach (Match seg in Segment().Matches(body))
            {
                var whole = seg.Value;
                if (whole.Contains("不低于") || whole.Contains("不高于") || whole.Contains("不超过") || whole.Contains("不得超过")) continue;
                var tableRow = TableRow().IsMatch(whole);
                var paid = whole.Contains("支付") || whole.Contains("付款") || whole.Contains("付清") || whole.Contains("结清") || tableRow
                    || ((whole.Contains("剩余") || whole.Contains("余款") || whole.Contains("预留")) && (whole.Contains("返还") || whole.Contains("退还")));
                if (!paid) continue;
                foreach (var (offset, s) in Installments(whole, tableRow))
                {
                    var cumulative = Cumulative().Match(s);
                    var pm = cumulative.Success ? Percent().Match(s, cumulative.Index) : Percent().Match(s);
                    var periodic = Periodic().IsMatch(s);
                    decimal? percent = pm.Success ? PercentValue(pm) : null;
                    // 按已完工程量的70%支付: a rate of the work done in the period, not a share of the total.
                    if (pm.Success && !cumulative.Success && WorkDoneBase().IsMatch(s[..pm.Index])) percent = null;
                    // 支付至结算价的97%, 累计支付至合同价的80%: a running total; this installment is what it adds to the ones before.
                    if (cumulative.Success && percent is { } upTo)
                    {
                        var before = installments.Sum(p => p.Percent ?? 0m);
                        percent = upTo > before ? upTo - before : null;
                    }
                    decimal? amount = null;
                    var am = RowAmount().Match(s);
                    var fm = Figures().Match(s);
                    if (tableRow && am.Success && ChineseAmount.Parse(am.Value) is { } written) amount = Money(written);
                    else if (percent is not null && total is not null) amount = Money(total.Value * percent.Value / 100m);
                    else if (percent is null && fm.Success && ChineseAmount.Parse(fm.Value) is { } stated && stated > 0) amount = Money(stated);
                    if (percent is null && amount is null && WholeTotal().IsMatch(s))
                    {
                        percent = 100m;
                        if (total is not null) amount = Money(total.Value);
                    }
                    if (percent is null && amount is null && !periodic) continue;
                    var trigger = Trigger(s);
                    if (percent is null && amount is not null && trigger == PaymentTriggers.Other && !tableRow) continue;
                    int? days = null;
                    bool? working = null;
                    var dm = DaysAfter().Match(s);
                    if (dm.Success && ChineseAmount.TryParseNumber(dm.Groups["n"].Value, out var n))
                    {
                        days = (int)n;
                        working = dm.Groups["u"].Value.Contains("工作");
                    }
                    DateOnly? due = null;
                    if (trigger == PaymentTriggers.Date)
                    {
                        var dd = AnyDate().Match(s);
                        due = dd.Success ? ChineseDate.ParseDay(dd.Value) : null;
                    }
                    var at = start + seg.Index + offset;
                    installments.Add(new PaymentInstallment(installments.Count + 1, percent, amount, trigger, days, working, due,
                        percent is null ? 0.6 : 0.85, at, at + s.Length));
                }
            }
        }
        return installments;
    }

    /// <summary>
    /// The installments of one sentence: the sentence itself, or, when it states several percents (合同签订后支付30%，验收合格后支付70%),
    /// its comma-separated pieces grouped so that each group ends with the piece stating its percent.
    /// </summary>
    private static IEnumerable<(int Offset, string Text)> Installments(string sentence, bool tableRow)
    {
        if (tableRow || Percent().Matches(sentence).Count < 2 || Cumulative().IsMatch(sentence))
        {
            yield return (0, sentence);
            yield break;
        }
        var groupStart = 0;
        var i = 0;
        while (i <= sentence.Length)
        {
            var end = sentence.IndexOfAny(['，', ','], i);
            if (end < 0) end = sentence.Length;
            var piece = sentence[i..end];
            if (Percent().IsMatch(piece) || end == sentence.Length)
            {
                var group = sentence[groupStart..end];
                if (Percent().IsMatch(group)) yield return (groupStart, group);
                groupStart = end + 1;
            }
            i = end + 1;
        }
    }

    private static decimal? PercentValue(Match m)
    {
        if (m.Groups["p"].Success) return decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
        return ChineseAmount.TryParseNumber(m.Groups["cn"].Value, out var v) ? v : null;
    }

    private static Clause? PreviousSibling(Clause c, List<Clause> topLevel)
    {
        var siblings = c.Parent?.Children ?? topLevel;
        for (var i = 1; i < siblings.Count; i++)
            if (ReferenceEquals(siblings[i], c)) return siblings[i - 1];
        return null;
    }

    [GeneratedRegex(@"(?:已完|完成的?)(?:工程量|工作量|产值|工程价款|进度款)[^，,;；。%]{0,6}$")]
    private static partial Regex WorkDoneBase();

    [GeneratedRegex(@"(?:余款|剩余|尾款|预留)[^。;；\n]{0,30}(?:支付|返还|退还|付清)")]
    private static partial Regex RetentionPaid();

    private static IEnumerable<Clause> Ancestors(Clause c)
    {
        for (var p = c.Parent; p is not null; p = p.Parent) yield return p;
    }

    private static string Trigger(string s)
    {
        if (WarrantyEndWords().IsMatch(s)) return PaymentTriggers.WarrantyEnd;
        if (Periodic().IsMatch(s) || ElapsedPeriod().IsMatch(s)) return PaymentTriggers.Period;
        if (s.Contains("验收") || s.Contains("终验") || AcceptanceWords().IsMatch(s)) return PaymentTriggers.Acceptance;
        if (s.Contains("到货") || s.Contains("交货") || s.Contains("交付") || s.Contains("供货")) return PaymentTriggers.Delivery;
        // An invoice is usually a condition added to another event (合同签订并收到发票后): the event is the trigger.
        if (s.Contains("签订") || s.Contains("签署") || s.Contains("生效")) return PaymentTriggers.Signing;
        if (s.Contains("发票")) return PaymentTriggers.Invoice;
        if (AnyDate().Match(s) is { Success: true } d && ChineseDate.ParseDay(d.Value) is not null) return PaymentTriggers.Date;
        return PaymentTriggers.Other;
    }

    // ---- bond, retention, warranty, damages ----

    private static void ExtractBondRetentionWarranty(string text, LedgerExtraction result)
    {
        foreach (Match seg in Segment().Matches(text))
        {
            var s = seg.Value;
            if (result.PerformanceBondPercent is null && result.PerformanceBondAmount is null && BondWords().IsMatch(s)
                && !BondNotStated().IsMatch(s))
            {
                var p = Percent().Match(s);
                if (p.Success && PercentValue(p) is { } bp)
                    result.PerformanceBondPercent = new Extracted<decimal>(bp, 0.9, seg.Index + p.Index, seg.Index + p.Index + p.Length);
                else if (Figures().Match(s) is { Success: true } f && ChineseAmount.Parse(f.Value) is { } a)
                    result.PerformanceBondAmount = new Extracted<decimal>(Money(a), 0.85, seg.Index + f.Index, seg.Index + f.Index + f.Length);
            }
            if (result.RetentionPercent is null && RetentionWords().IsMatch(s) && Percent().Match(s) is { Success: true } r && PercentValue(r) is { } rp)
            {
                var cap = s.Contains("不超过") || s.Contains("不得超过");
                result.RetentionPercent = new Extracted<decimal>(rp, cap ? 0.6 : 0.9, seg.Index + r.Index, seg.Index + r.Index + r.Length);
            }
        }
        result.WarrantyMonths = Warranty(text, WarrantyWords(), 0.9) ?? WarrantyBefore(text) ?? Warranty(text, DefectWords(), 0.7);
    }

    /// <summary>The length written before the words: 提供一年免费维护, 两年的免费保修.</summary>
    private static Extracted<int>? WarrantyBefore(string text)
    {
        var m = LengthBeforeWarranty().Match(text);
        if (!m.Success || ChineseDuration.Parse(m.Groups["len"].Value) is not { } d) return null;
        int? months = d.Unit switch { DurationUnit.Months => d.Value, DurationUnit.Years => d.Value * 12, _ => null };
        var g = m.Groups["len"];
        return months is null ? null : new Extracted<int>(months.Value, 0.8, g.Index, g.Index + g.Length);
    }

    [GeneratedRegex(@"(?<len>[0-9一二三四五六七八九十两]+\s*(?:个月|年))(?:的)?免费(?:质保|保修|维护|维保|运维)")]
    private static partial Regex LengthBeforeWarranty();

    private static Extracted<int>? Warranty(string text, Regex words, double confidence)
    {
        foreach (Match seg in Segment().Matches(text))
        {
            var w = words.Match(seg.Value);
            if (!w.Success) continue;
            var after = seg.Value[(w.Index + w.Length)..];
            var cut = after.IndexOfAny(['，', ',', '；', ';']);
            var phrase = cut >= 0 ? after[..cut] : after;
            var lm = Length().Match(phrase);
            if (!lm.Success || ChineseDuration.Parse(lm.Value) is not { } d) continue;
            int? months = d.Unit switch { DurationUnit.Months => d.Value, DurationUnit.Years => d.Value * 12, _ => null };
            if (months is null) continue;
            var start = seg.Index + w.Index + w.Length + lm.Index;
            return new Extracted<int>(months.Value, confidence, start, start + lm.Length);
        }
        return null;
    }

    private static Extracted<decimal>? DamagesRate(string text, LedgerExtraction result)
    {
        foreach (Match seg in Segment().Matches(text))
        {
            if (!PerDay().IsMatch(seg.Value) || !DamagesWords().IsMatch(seg.Value)) continue;
            // The purchaser's late payment (甲方逾期付款, 应付未付款项) is not the supplier's delay.
            if (PurchaserLatePayment().IsMatch(seg.Value)) continue;
            var m = Rate().Match(seg.Value);
            if (!m.Success) continue;
            decimal? rate = null;
            if (m.Groups["pct"].Success) rate = decimal.Parse(m.Groups["pct"].Value, CultureInfo.InvariantCulture) / 100m;
            else if (m.Groups["permille"].Success) rate = decimal.Parse(m.Groups["permille"].Value, CultureInfo.InvariantCulture) / 1000m;
            else if (ChineseAmount.TryParseNumber(m.Groups["n"].Value, out var n))
                rate = n / (m.Groups["base"].Value switch { "万" => 10000m, "千" => 1000m, _ => 100m });
            if (rate is null) continue;
            result.LiquidatedDamagesCapPercent = DamagesCap(seg.Value[(m.Index + m.Length)..], seg.Index + m.Index + m.Length);
            // 违约金总额不超过合同金额的10%: the cap as the next sentence of the same paragraph.
            if (result.LiquidatedDamagesCapPercent is null && seg.NextMatch() is { Success: true } next
                && text.IndexOf('\n', seg.Index + seg.Length, next.Index - seg.Index - seg.Length) < 0 && next.Value.Contains("违约金"))
                result.LiquidatedDamagesCapPercent = DamagesCap(next.Value, next.Index);
            return new Extracted<decimal>(rate.Value, 0.9, seg.Index + m.Index, seg.Index + m.Index + m.Length);
        }
        return null;
    }

    // ---- dispute ----

    private static void ExtractDispute(string text, IReadOnlyList<ClassifiedClause> clauses, LedgerExtraction result)
    {
        var scopes = clauses.Where(c => c.Codes.Contains(ClauseTypes.Dispute))
            .Select(c => (c.Clause.Start, c.Clause.End)).ToList();
        if (scopes.Count == 0) scopes.Add((0, text.Length));
        foreach (var (start, end) in scopes)
        {
            var body = text[start..end];
            var arb = Arbitration().Match(body);
            var court = Court().Match(body);
            var m = arb.Success && (!court.Success || arb.Index <= court.Index) ? arb : court;
            if (!m.Success)
            {
                var word = DisputeWords().Match(body);
                if (!word.Success) continue;
                var how = word.Value == "仲裁" ? "arbitration" : "litigation";
                result.DisputeResolution = new Extracted<string>(how, 0.7, start + word.Index, start + word.Index + word.Length);
                return;
            }
            var kind = m == arb ? "arbitration" : "litigation";
            var v = m.Groups["v"];
            result.DisputeResolution = new Extracted<string>(kind, 0.9, start + m.Index, start + m.Index + m.Length);
            result.DisputeVenue = new Extracted<string>(v.Value, 0.85, start + v.Index, start + v.Index + v.Length);
            return;
        }
    }

    // ---- patterns ----

    private const string DatePattern = @"\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?[日号]|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}";

    [GeneratedRegex(@"(?:合同名称)\s*[:：]\s*(?<v>[^\n]+)")]
    private static partial Regex ContractNameLabel();

    [GeneratedRegex(@"(?:合同编号|合同号|协议编号)\s*[:：]\s*(?<v>[^\n，。;；]*)")]
    private static partial Regex ContractNumberLabel();

    [GeneratedRegex(@"^[A-Za-z0-9\-_/()\[\]〔〕【】第号年]+$")]
    private static partial Regex ContractNumberValue();

    [GeneratedRegex(@"^\s*(?:(?<role>甲方|乙方|采购人|采购单位|采购方|中标供应商|成交供应商|中标人|供应商|发包人|发包方|承包人|承包方|委托人|受托人|买方|卖方|需方|供方|委托方|受托方|服务方|供货方)(?:\((?:以下简称)?[“”""]?(?:甲方|乙方|采购人|供应商|发包人|承包人|全称|委托人|受托人|买方|卖方|盖章|签章|公章)[“”""]?\))?)(?:名称|单位名称)?\s*[:：](?<v>.*)$")]
    private static partial Regex PartyLabel();

    [GeneratedRegex(@"[0-9A-Za-z]{18}")]
    private static partial Regex UsccShape();

    [GeneratedRegex(@"^\s*(?:第[一二三四五六七八九十百0-9]+[条章部]|[一二三四五六七八九十]+、)")]
    private static partial Regex ClauseStart();

    [GeneratedRegex(@"^\s*(?:甲方|乙方|采购人|中标人|成交供应商|中标供应商|供应商|发包人|承包人|需方|供方)?(?<label>统一社会信用代码|社会信用代码|法定代表人(?:或其?授权代表|或其?委托代理人|/负责人)?(?: ?\((?:签字|签章|签名)\))?|负责人|住所地?|地址|通讯地址|注册地址|联系地址|联系人|联系电话|电话|手机|电子邮箱|邮箱|E-?mail|开户银行|开户行|银行账号|开户账号|账号)\s*[:：](?<v>[^\n]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[元圆](?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?[整正]?")]
    private static partial Regex Capitals();

    [GeneratedRegex(@"¥?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|万)|¥\s*\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Figures();

    [GeneratedRegex(@"不含税|不含增值税|含税|含增值税|含\d+(?:\.\d+)?%增值税|含\d+(?:\.\d+)?%的增值税")]
    private static partial Regex TaxInclusive();

    [GeneratedRegex(@"(?:增值税)?税率(?:为|是)?\s*(?<p>\d+(?:\.\d+)?)%|含\s*(?<p>\d+(?:\.\d+)?)%\s*的?增值税|(?<p>\d+(?:\.\d+)?)%\s*的?增值税")]
    private static partial Regex TaxRate();

    [GeneratedRegex(@"(?:签订日期|签约日期|签署日期|合同签订日期|签订时间|签约时间|签订于|(?m:^)\s*日期)\s*[:：]?\s*(?<d>" + DatePattern + @"|[_\s]*年[_\s]*月[_\s]*日)")]
    private static partial Regex SignDateLabel();

    [GeneratedRegex(@"(?:于|在)\s*(?<d>" + DatePattern + @")\s*(?:在[^，。,\n]{1,20})?签(?:订|署)")]
    private static partial Regex SignedOn();

    [GeneratedRegex(@"(?:生效日期|合同生效日)\s*[:：为]?\s*(?<d>" + DatePattern + ")")]
    private static partial Regex EffectiveDateLabel();

    [GeneratedRegex(@"(?:计划开工日期|开工日期|开始日期|起始日期|服务开始日期)\s*[:：为]\s*(?<d>" + DatePattern + ")")]
    private static partial Regex StartDateLabel();

    [GeneratedRegex(@"(?:计划竣工日期|竣工日期|结束日期|截止日期|终止日期|服务结束日期)\s*[:：为]\s*(?<d>" + DatePattern + ")")]
    private static partial Regex EndDateLabel();

    [GeneratedRegex(@"自?\s*(?<a>" + DatePattern + @")\s*(?:起)?\s*(?:至|到|-|—|~)\s*(?<b>" + DatePattern + ")")]
    private static partial Regex DateRange();

    [GeneratedRegex(@"自\s*(?<d>" + DatePattern + @")\s*起生效")]
    private static partial Regex EffectiveFromDate();

    [GeneratedRegex(@"(?:自|经|由)?(?:双方|甲乙双方|各方)?(?:法定代表人或授权代表)?(?:签字|签章|盖章|签字盖章|签字并盖章|签字并加盖公章|签署|签订|正式签订)(?:之日起|后)(?:即)?生效")]
    private static partial Regex EffectiveOnSigning();

    [GeneratedRegex(@"自(?<from>合同签订|本合同签订|合同签署|本合同签署|合同生效|本合同生效)之日起(?:计算)?\s*(?<len>[0-9一二三四五六七八九十两半.]+\s*(?:个月|年|日|天|周))")]
    private static partial Regex TermFromSigning();

    [GeneratedRegex(DatePattern)]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"(?<d>" + DatePattern + @")\s*(?:正式)?开工")]
    private static partial Regex WorksStart();

    [GeneratedRegex(@"(?<d>" + DatePattern + @")\s*(?:前|之前)?(?:全部)?竣工")]
    private static partial Regex WorksEnd();

    [GeneratedRegex(@"(?:服务期限?|合同期限|履行期限|服务周期|租赁期限?)[^。\n]{0,20}?自\s*(?<d>" + DatePattern + @")\s*起")]
    private static partial Regex TermFromDate();

    [GeneratedRegex(@"[^\n。；;]+")]
    private static partial Regex Segment();

    [GeneratedRegex(@"(?<p>\d+(?:\.\d+)?)\s*%|百分之(?<cn>[一二三四五六七八九十]+)")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?:累计|累积)?支付至[^，,;；。]{0,16}?(?:\d+(?:\.\d+)?\s*%|百分之)")]
    private static partial Regex Cumulative();

    /// <summary>The purchaser's approval of the work, said without 验收: 考核合格, 经甲方确认, 通过评审.</summary>
    [GeneratedRegex(@"考核合格|评估合格|评审合格|审核合格|经甲方(?:书面)?确认|经采购人(?:书面)?确认|经委托人(?:书面)?确认|通过(?:专家)?评审")]
    private static partial Regex AcceptanceWords();

    /// <summary>质保期满, 缺陷责任期（24个月）满, 质量保证期届满.</summary>
    [GeneratedRegex(@"(?:质保|保修|缺陷责任|质量保证|维保)期\s*(?:\([^)]{0,12}\))?\s*(?:届满|期满|满)")]
    private static partial Regex WarrantyEndWords();

    /// <summary>一次性支付全部货款, 全额支付: the whole total.</summary>
    [GeneratedRegex(@"(?:一次性)?(?:支付|付清|结清)(?:全部|全额)(?:合同)?(?:货款|价款|款项|合同款|费用|服务费)|全额支付|一次性付清")]
    private static partial Regex WholeTotal();

    [GeneratedRegex(@"按月|按季度?|按年|每月|每季度|每半年|每年度")]
    private static partial Regex Periodic();

    [GeneratedRegex(@"满\s*\d+\s*个?(?:月|年)")]
    private static partial Regex ElapsedPeriod();

    [GeneratedRegex(@"^\s*\d{1,2}\s+\S")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2}(?!\d)")]
    private static partial Regex RowAmount();

    [GeneratedRegex(@"后\s*(?<n>\d+|[一二三四五六七八九十]+)\s*(?<u>个工作日|工作日|个日历天|日历天|自然日|天|日)")]
    private static partial Regex DaysAfter();

    [GeneratedRegex(@"履约保证金|履约担保|履约保函")]
    private static partial Regex BondWords();

    /// <summary>General terms' ceilings (不超过合同金额的10%), waivers (不收取, 无需提供) and references to other terms are not the bond.</summary>
    [GeneratedRegex(@"不超过|不得超过|不高于|不收取|无需|免收|不需|按专用条款|见专用条款")]
    private static partial Regex BondNotStated();

    [GeneratedRegex(@"质量保证金|质保金|保留金")]
    private static partial Regex RetentionWords();

    [GeneratedRegex(@"质保期|保修期|质量保证期|免费质保|免费保修|免费维护|免费维保")]
    private static partial Regex WarrantyWords();

    [GeneratedRegex(@"缺陷责任期")]
    private static partial Regex DefectWords();

    [GeneratedRegex(@"[0-9一二三四五六七八九十两半.]+\s*(?:个月|年)")]
    private static partial Regex Length();

    [GeneratedRegex(@"每(?:逾期|延迟|迟延|延误|延期)?(?:交货|交付|履行|完工|竣工)?(?:一|1)?(?:日|天)|每日|按日")]
    private static partial Regex PerDay();

    [GeneratedRegex(@"违约金|罚金|赔偿|扣减|扣除|滞纳金")]
    private static partial Regex DamagesWords();

    [GeneratedRegex(@"(?:甲方|采购人|发包人|委托人|委托方|买方)[^，,;；。]{0,12}(?:逾期|迟延|延迟)(?:付款|支付)|应付未付|未付款项")]
    private static partial Regex PurchaserLatePayment();

    [GeneratedRegex(@"(?<base>万|千|百)分之(?<n>[0-9一二三四五六七八九十点.]+)|(?<pct>\d+(?:\.\d+)?)\s*%|(?<permille>\d+(?:\.\d+)?)\s*‰")]
    private static partial Regex Rate();

    [GeneratedRegex(@"(?:提交|提请|向|由)(?<v>[^，。；,;:\n]{1,30}?(?:仲裁委员会|仲裁院))")]
    private static partial Regex Arbitration();

    [GeneratedRegex(@"(?:提交|向|由)(?<v>[^，。；,;:\n]{1,30}?人民法院)")]
    private static partial Regex Court();

    [GeneratedRegex(@"仲裁|诉讼|起诉")]
    private static partial Regex DisputeWords();

    [GeneratedRegex(@"(?:服务期限?|合同期限|履行期限|合同有效期|服务周期)(?:为|是|:)?\s*(?<len>[0-9一二三四五六七八九十两半.]+\s*(?:个月|年|日历天|日|天|周))")]
    private static partial Regex TermLength();
}
