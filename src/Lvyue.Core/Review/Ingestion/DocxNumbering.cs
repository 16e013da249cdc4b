using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Renders Word's automatic paragraph numbering as the text Word shows, from the levels in numbering.xml.
/// <list type="bullet">
/// <item>The numbering comes from the paragraph's own w:numPr or, failing that, from its paragraph style (following
/// w:basedOn); a style's w:numPr without w:ilvl means level 0.</item>
/// <item>Counters are kept per w:num instance, in document order; a w:lvlOverride/w:startOverride sets the start of a
/// level for that instance and a level given inside w:lvlOverride replaces the abstract one. Using a level restarts all
/// deeper levels (w:lvlRestart is not read).</item>
/// <item>w:lvlText placeholders %1…%9 are rendered in their level's format, or in decimal when the level is legal
/// numbering (w:isLgl). Formats: decimal, decimalZero (01), decimalFullWidth (rendered as ASCII digits), chineseCounting
/// and chineseCountingThousand (一、十一、二十一; 101 is 一百〇一 and 一百零一 respectively), chineseLegalSimplified (壹贰叁), ideographTraditional (甲乙丙),
/// ideographZodiac (子丑寅), decimalEnclosedCircle and decimalEnclosedCircleChinese (①…⑳), decimalEnclosedParen ((1)),
/// lowerLetter/upperLetter, lowerRoman/upperRoman, bullet (Symbol/Wingdings private-use glyphs become •) and none. Any
/// other format is rendered in decimal.</item>
/// <item>The suffix follows w:suff: a tab (Word's default), a space, or nothing.</item>
/// </list>
/// This covers 第一条 (lvlText "第%1条", chineseCounting), 一、 ("%1、"), （一） ("（%1）") and 1.1 ("%1.%2").
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;
    private readonly Numbering? _numbering;
    private readonly Styles? _styles;
    private readonly Dictionary<int, int?[]> _counters = [];

    public DocxNumbering(MainDocumentPart main)
    {
        _numbering = main.NumberingDefinitionsPart?.Numbering;
        _styles = main.StyleDefinitionsPart?.Styles;
    }

    /// <summary>The rendered number with its suffix for <paramref name="paragraph"/>, advancing the counters; "" when it has none.</summary>
    public string Next(Paragraph paragraph)
    {
        if (_numbering is null) return "";
        var (numId, ilvl) = NumberingOf(paragraph);
        if (numId is not > 0 || ilvl is < 0 or >= Levels) return "";
        var instance = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        if (instance is null || abstractId is null) return "";
        var abs = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        if (abs is null) return "";

        if (!_counters.TryGetValue(numId.Value, out var counters))
            _counters[numId.Value] = counters = new int?[Levels];
        for (var l = 0; l < ilvl; l++) counters[l] ??= StartOf(instance, abs, l);
        counters[ilvl] = counters[ilvl] is { } c ? c + 1 : StartOf(instance, abs, ilvl);
        for (var l = ilvl + 1; l < Levels; l++) counters[l] = null;

        var level = LevelOf(instance, abs, ilvl);
        if (level is null) return "";
        var format = level.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
        if (format == NumberFormatValues.None) return Suffix(level);
        var template = level.LevelText?.Val?.Value ?? "";
        if (format == NumberFormatValues.Bullet) return Bullet(template) + Suffix(level);
        var legal = level.IsLegalNumberingStyle is { } lgl && (lgl.Val?.Value ?? true);
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var l = template[i + 1] - '1';
                var value = counters[l] ?? StartOf(instance, abs, l);
                var f = legal ? NumberFormatValues.Decimal
                    : LevelOf(instance, abs, l)?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
                sb.Append(Format(value, f));
                i++;
            }
            else sb.Append(template[i]);
        }
        return sb.Append(Suffix(level)).ToString();
    }

    private (int? NumId, int Level) NumberingOf(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        if (numPr?.NumberingId?.Val?.Value is { } id)
            return (id, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var seen = new HashSet<string>();
        while (styleId is not null && _styles is not null && seen.Add(styleId))
        {
            var style = _styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            if (style is null) break;
            var styleNum = style.StyleParagraphProperties?.NumberingProperties;
            if (styleNum?.NumberingId?.Val?.Value is { } sid)
                return (sid, numPr?.NumberingLevelReference?.Val?.Value ?? styleNum.NumberingLevelReference?.Val?.Value ?? 0);
            styleId = style.BasedOn?.Val?.Value;
        }
        return (null, 0);
    }

    private static Level? LevelOf(NumberingInstance instance, AbstractNum abs, int ilvl)
    {
        var over = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == ilvl);
        return over?.Level ?? abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ilvl);
    }

    private static int StartOf(NumberingInstance instance, AbstractNum abs, int ilvl)
    {
        var over = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == ilvl);
        if (over?.StartOverrideNumberingValue?.Val?.Value is { } start) return start;
        return LevelOf(instance, abs, ilvl)?.StartNumberingValue?.Val?.Value ?? 1;
    }

    private static string Suffix(Level level)
    {
        var suff = level.LevelSuffix?.Val?.Value ?? LevelSuffixValues.Tab;
        return suff == LevelSuffixValues.Space ? " " : suff == LevelSuffixValues.Nothing ? "" : "\t";
    }

    private static string Bullet(string template)
    {
        var sb = new StringBuilder();
        foreach (var c in template) sb.Append(c is >= '\uE000' and <= '\uF8FF' ? '•' : c);
        return sb.Length == 0 ? "•" : sb.ToString();
    }

    /// <summary>Renders <paramref name="n"/> in a Word numbering format.</summary>
    internal static string Format(int n, NumberFormatValues format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand)
            return Chinese(n, format == NumberFormatValues.ChineseCountingThousand ? "零一二三四五六七八九" : "〇一二三四五六七八九", "十百千", true);
        if (format == NumberFormatValues.ChineseLegalSimplified)
            return Chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", false);
        if (format == NumberFormatValues.IdeographTraditional && n is >= 1 and <= 10) return "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString();
        if (format == NumberFormatValues.IdeographZodiac && n is >= 1 and <= 12) return "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString();
        if ((format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            && n is >= 1 and <= 20) return ((char)('\u2460' + n - 1)).ToString();
        if (format == NumberFormatValues.DecimalEnclosedParen) return $"({n})";
        if (format == NumberFormatValues.DecimalZero) return n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.LowerLetter) return Letters(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter) return Letters(n);
        if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(n);
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Chinese counting up to 9999: 十, 十一, 二十一, 一百零一, 一千零一十; <paramref name="dropLeadingOne"/> writes 十一 rather than 一十一.</summary>
    private static string Chinese(int n, string digits, string units, bool dropLeadingOne)
    {
        if (n <= 0 || n > 9999) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        int[] place = [1000, 100, 10, 1];
        var zero = false;
        for (var p = 0; p < 4; p++)
        {
            var d = n / place[p] % 10;
            if (d == 0)
            {
                if (sb.Length > 0) zero = true;
                continue;
            }
            if (zero) { sb.Append(digits[0]); zero = false; }
            var unit = p < 3 ? units[2 - p].ToString() : "";
            if (!(d == 1 && p == 2 && sb.Length == 0 && dropLeadingOne)) sb.Append(digits[d]);
            sb.Append(unit);
        }
        return sb.ToString();
    }

    private static string Letters(int n)
    {
        if (n <= 0) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var letter = (char)('A' + (n - 1) % 26);
        return new string(letter, (n - 1) / 26 + 1);
    }

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (int Value, string Text)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (value, text) in table)
            while (n >= value) { sb.Append(text); n -= value; }
        return sb.ToString();
    }
}
