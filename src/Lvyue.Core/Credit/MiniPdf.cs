using System.Globalization;
using System.Text;

namespace Lvyue.Credit;

/// <summary>
/// A small PDF writer for text documents in Chinese: A4 pages of wrapped lines in the Adobe standard CJK font
/// STSong-Light (UniGB-UCS2-H, not embedded; every conforming reader has it). Enough for determination
/// documents and credit reports; characters outside the Basic Multilingual Plane are replaced by '?'.
/// </summary>
public static class MiniPdf
{
    private const int Width = 595, Height = 842, Margin = 56;

    /// <summary>One line of the document: its text, size in points, and whether it is centred.</summary>
    public sealed record Line(string Text, float Size = 12f, bool Center = false);

    public static byte[] Write(IEnumerable<Line> lines)
    {
        var pages = Paginate(lines.SelectMany(Wrap).ToList());
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // pages, filled below
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        };
        var kids = new List<int>();
        foreach (var page in pages)
        {
            var content = new StringBuilder("BT\n");
            var y = Height - Margin;
            foreach (var l in page)
            {
                y -= (int)(l.Size * 1.6f);
                var width = l.Text.Length * l.Size;
                var x = l.Center ? (Width - width) / 2 : Margin;
                content.Append(CultureInfo.InvariantCulture, $"/F1 {l.Size:0.#} Tf 1 0 0 1 {x:0.##} {y} Tm <{Hex(l.Text)}> Tj\n");
            }
            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
            var contentId = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Width} {Height}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>");
            kids.Add(objects.Count);
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";

        return Common.PdfFile.Assemble(objects);
    }

    private static IEnumerable<Line> Wrap(Line l)
    {
        var max = Math.Max(1, (int)((Width - 2 * Margin) / l.Size));
        var text = l.Text.Replace("\r", "");
        foreach (var para in text.Split('\n'))
        {
            if (para.Length == 0) { yield return l with { Text = "" }; continue; }
            for (var i = 0; i < para.Length; i += max)
                yield return l with { Text = para.Substring(i, Math.Min(max, para.Length - i)) };
        }
    }

    private static List<List<Line>> Paginate(List<Line> lines)
    {
        var pages = new List<List<Line>> { new() };
        float used = 0;
        foreach (var l in lines)
        {
            var h = l.Size * 1.6f;
            if (used + h > Height - 2 * Margin && pages[^1].Count > 0) { pages.Add([]); used = 0; }
            pages[^1].Add(l);
            used += h;
        }
        return pages;
    }

    private static string Hex(string s)
    {
        var sb = new StringBuilder(s.Length * 4);
        foreach (var c in s)
            sb.Append(((int)(char.IsSurrogate(c) ? '?' : c)).ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
