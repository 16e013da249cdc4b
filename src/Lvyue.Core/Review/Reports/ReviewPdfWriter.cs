using System.Globalization;
using System.Text;

namespace Lvyue.Review.Reports;

/// <summary>
/// A small PDF writer for the review report: A4 pages of wrapped lines in the Adobe standard CJK font STSong-Light
/// (UniGB-UCS2-H, not embedded; readers supply it). Unlike <see cref="Credit.MiniPdf"/> it sets printable ASCII half-width
/// (CIDs 1–95 of Adobe-GB1 at 500/1000 em) and wraps by the width of each character, so rule ids, figures and English
/// read normally; a line may be grey (a note) or carry a highlight behind it. Characters outside the Basic Multilingual
/// Plane and control characters become '?'/' '.
/// </summary>
public static class ReviewPdfWriter
{
    private const float Width = 595, Height = 842, Margin = 56;

    /// <summary>One line (a paragraph, wrapped to the page width): text, size in points, centred, grey.</summary>
    public sealed record Line(string Text, float Size = 10.5f, bool Center = false, bool Grey = false);

    /// <summary>Writes the lines as a PDF.</summary>
    public static byte[] Write(IEnumerable<Line> lines)
    {
        var pages = Paginate([.. lines.SelectMany(Wrap)]);
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "",
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        };
        var kids = new List<int>();
        for (var p = 0; p < pages.Count; p++)
        {
            var content = new StringBuilder();
            var y = Height - Margin;
            foreach (var l in pages[p])
            {
                y -= l.Size * 1.55f;
                var x = l.Center ? (Width - TextWidth(l.Text, l.Size)) / 2 : Margin;
                content.Append(CultureInfo.InvariantCulture, $"BT {(l.Grey ? "0.4 g" : "0 g")} /F1 {l.Size:0.##} Tf 1 0 0 1 {x:0.##} {y:0.##} Tm <{Hex(l.Text)}> Tj ET\n");
            }
            var footer = $"{p + 1} / {pages.Count}";
            content.Append(CultureInfo.InvariantCulture, $"BT 0.4 g /F1 8 Tf 1 0 0 1 {(Width - TextWidth(footer, 8)) / 2:0.##} 28 Tm <{Hex(footer)}> Tj ET\n");
            var stream = content.ToString();
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream");
            var contentId = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Width:0} {Height:0}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>");
            kids.Add(objects.Count);
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";

        return Common.PdfFile.Assemble(objects);
    }

    /// <summary>The width of a character in ems: printable ASCII half, everything else full.</summary>
    private static float Em(char c) => c is >= ' ' and <= '~' ? 0.5f : 1f;

    private static float TextWidth(string s, float size) => s.Sum(Em) * size;

    private static IEnumerable<Line> Wrap(Line l)
    {
        var max = Width - 2 * Margin;
        foreach (var para in Clean(l.Text).Split('\n'))
        {
            var start = 0;
            float w = 0;
            for (var i = 0; i < para.Length; i++)
            {
                var cw = Em(para[i]) * l.Size;
                if (w + cw > max && i > start)
                {
                    // Break before a run of ASCII letters/digits when one started on this line (words stay whole).
                    var cut = i;
                    if (IsWord(para[i]))
                    {
                        var b = i;
                        while (b > start && IsWord(para[b - 1])) b--;
                        if (b > start) cut = b;
                    }
                    yield return l with { Text = para[start..cut] };
                    start = cut;
                    w = TextWidth(para[start..(i + 1)], l.Size);
                    continue;
                }
                w += cw;
            }
            yield return l with { Text = para[start..] };
        }
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '%';

    private static List<List<Line>> Paginate(List<Line> lines)
    {
        var pages = new List<List<Line>> { new() };
        float used = 0;
        foreach (var l in lines)
        {
            var h = l.Size * 1.55f;
            if (used + h > Height - 2 * Margin - 20 && pages[^1].Count > 0) { pages.Add([]); used = 0; }
            pages[^1].Add(l);
            used += h;
        }
        return pages;
    }

    private static string Clean(string s) => string.Concat(s.Replace("\r", "").Select(c => c == '\t' ? ' ' : c < ' ' && c != '\n' ? ' ' : c == '·' ? '/' : c));

    private static string Hex(string s)
    {
        var sb = new StringBuilder(s.Length * 4);
        foreach (var c in s) sb.Append(((int)(char.IsSurrogate(c) ? '?' : c)).ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
