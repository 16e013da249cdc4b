using System.Globalization;
using System.Text.RegularExpressions;

namespace Lvyue.Review.Extraction;

/// <summary>Delivery date and place, retention period, damages cap, governing law; values read back as written.</summary>
public static partial class LedgerExtractor
{
    /// <summary>What one extraction collects on the way for the consistency facts.</summary>
    internal sealed class Scratch
    {
        /// <summary>Every labelled mention of the purchaser's name.</summary>
        public List<Extracted<string>> PurchaserNames { get; } = [];

        /// <summary>Every labelled mention of the supplier's name.</summary>
        public List<Extracted<string>> SupplierNames { get; } = [];

        /// <summary>The total as the capital numerals beside the total's label say.</summary>
        public decimal? AmountInWords { get; set; }

        /// <summary>The total as the figures beside the total's label say.</summary>
        public decimal? AmountInFigures { get; set; }
    }

    private static void ExtractTerms(string text, LedgerExtraction result)
    {
        var delivered = DeliveryDateLabel().Match(text);
        if (!delivered.Success) delivered = DeliverBy().Match(text);
        if (delivered.Success && ChineseDate.ParseDay(delivered.Groups["d"].Value) is { } day)
            result.DeliveryDate = new Extracted<DateOnly>(day, 0.9, delivered.Groups["d"].Index, delivered.Groups["d"].Index + delivered.Groups["d"].Length);
        var place = DeliveryPlaceLabel().Match(text);
        if (place.Success)
        {
            var g = place.Groups["v"];
            result.DeliveryPlace = Trimmed(text, g.Index, g.Index + g.Length, 0.9);
        }
        var law = GoverningLawWords().Match(text);
        if (law.Success)
        {
            var g = law.Groups["v"];
            result.GoverningLaw = new Extracted<string>(g.Value, 0.9, g.Index, g.Index + g.Length);
        }
        result.RetentionMonths = RetentionPeriod(text, result);
    }

    /// <summary>
    /// The months the retention is held: a period stated in the retention's sentence (质量保证金期限为12个月), else the
    /// period it is refunded at the end of: the warranty (质保期满) or the defect-liability period (缺陷责任期满).
    /// </summary>
    private static Extracted<int>? RetentionPeriod(string text, LedgerExtraction result)
    {
        if (result.RetentionPercent is not { } retention) return null;
        var segment = Segment().Match(text, LineStart(text, retention.Start));
        for (; segment.Success && segment.Index <= retention.Start + 200; segment = segment.NextMatch())
        {
            var s = segment.Value;
            if (!RetentionWords().IsMatch(s)) continue;
            var stated = RetentionTerm().Match(s);
            if (stated.Success && ChineseDuration.Parse(stated.Groups["len"].Value) is { } d
                && (d.Unit == DurationUnit.Months ? d.Value : d.Unit == DurationUnit.Years ? d.Value * 12 : (int?)null) is { } months)
                return new Extracted<int>(months, 0.9, segment.Index + stated.Index, segment.Index + stated.Index + stated.Length);
            if (s.Contains("缺陷责任期") && DefectPeriod(text) is { } defect) return defect with { Confidence = 0.8 };
            if ((s.Contains("质保期满") || s.Contains("保修期满") || s.Contains("质量保证期满")) && result.WarrantyMonths is { } w)
                return w with { Confidence = 0.8 };
            if (segment.Index > retention.Start) break;
        }
        return null;
    }

    private static int LineStart(string text, int at)
    {
        var i = text.LastIndexOf('\n', Math.Max(0, at - 1));
        return i < 0 ? 0 : i + 1;
    }

    private static Extracted<int>? DefectPeriod(string text)
    {
        var m = DefectTerm().Match(text);
        if (!m.Success || ChineseDuration.Parse(m.Groups["len"].Value) is not { } d) return null;
        int? months = d.Unit switch { DurationUnit.Months => d.Value, DurationUnit.Years => d.Value * 12, _ => null };
        return months is null ? null : new Extracted<int>(months.Value, 0.9, m.Groups["len"].Index, m.Groups["len"].Index + m.Groups["len"].Length);
    }

    /// <summary>The cap in the damages sentence: 违约金累计不超过合同总价的10%, 违约金总额以合同价款的5%为限.</summary>
    private static Extracted<decimal>? DamagesCap(string sentence, int offset)
    {
        var m = DamagesCapWords().Match(sentence);
        if (!m.Success) return null;
        var g = m.Groups["p"];
        return new Extracted<decimal>(decimal.Parse(g.Value, CultureInfo.InvariantCulture), 0.9, offset + g.Index, offset + g.Index + g.Length);
    }

    /// <summary>String values read back from the source, so 江州正衡会计师事务所（普通合伙） keeps the full-width brackets the normalized text unified.</summary>
    private static void AsWritten(NormalizedText normalized, LedgerExtraction result)
    {
        Extracted<string>? Back(Extracted<string>? f)
        {
            if (f is null || f.End > normalized.Length || f.End - f.Start != f.Value.Length
                || !normalized.Text.AsSpan(f.Start, f.End - f.Start).SequenceEqual(f.Value)) return f;
            var chars = f.Value.ToCharArray();
            var changed = false;
            for (var i = 0; i < chars.Length; i++)
            {
                var (s, e) = normalized.SourceSpanOf(f.Start + i);
                if (e - s != 1) continue;
                var original = normalized.Source[s];
                if (original != chars[i] && original is '（' or '）' or '《' or '》' or '【' or '】' or '，' or '：' or '；' && chars[i] < 128)
                {
                    chars[i] = original;
                    changed = true;
                }
            }
            return changed ? f with { Value = new string(chars) } : f;
        }
        result.Title = Back(result.Title);
        foreach (var party in new[] { result.Purchaser, result.Supplier })
        {
            party.Name = Back(party.Name);
            party.Address = Back(party.Address);
            party.LegalRepresentative = Back(party.LegalRepresentative);
            party.ContactName = Back(party.ContactName);
            party.BankName = Back(party.BankName);
        }
        result.DisputeVenue = Back(result.DisputeVenue);
        result.DeliveryPlace = Back(result.DeliveryPlace);
        result.GoverningLaw = Back(result.GoverningLaw);
        result.Consistency.PurchaserNames = result.Consistency.PurchaserNames.Select(n => Back(n)!).ToList();
        result.Consistency.SupplierNames = result.Consistency.SupplierNames.Select(n => Back(n)!).ToList();
    }

    [GeneratedRegex(@"(?:交货时间|交货日期|交货期限?|交付时间|交付日期|供货时间|供货期|到货时间)\s*[:：为]?\s*(?:在|于)?\s*(?<d>" + DatePattern + ")")]
    private static partial Regex DeliveryDateLabel();

    /// <summary>乙方应于2025年2月20日前将全部货物送达, 于…前交货.</summary>
    [GeneratedRegex(@"(?:于|在)\s*(?<d>" + DatePattern + @")\s*(?:前|之前|以前)[^。；;\n]{0,20}?(?:交货|送达|交付|到货|供货|运抵)")]
    private static partial Regex DeliverBy();

    [GeneratedRegex(@"(?:交货地点|交付地点|供货地点|到货地点|交货地址|送货地点)\s*[:：为]\s*(?<v>[^。；;\n]+)")]
    private static partial Regex DeliveryPlaceLabel();

    [GeneratedRegex(@"(?:适用|受|依照|遵守)(?<v>中华人民共和国(?:现行)?(?:的)?(?:法律法规|法律|有关法律))")]
    private static partial Regex GoverningLawWords();

    [GeneratedRegex(@"(?:期限|期)为?\s*\(?\s*(?<len>[0-9一二三四五六七八九十两]+\s*(?:个月|年))")]
    private static partial Regex RetentionTerm();

    [GeneratedRegex(@"缺陷责任期(?:为|是|:)?\s*\(?\s*(?<len>[0-9一二三四五六七八九十两]+\s*(?:个月|年))")]
    private static partial Regex DefectTerm();

    [GeneratedRegex(@"(?:累计|总额|总计|合计|最高)?(?:不超过|不得超过|不高于|最高为|以)[^，,;；。]{0,16}?(?<p>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex DamagesCapWords();
}
