using System.Text;
using System.Text.RegularExpressions;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Undoes the line wrapping of a PDF page's text: a word processor breaks a paragraph wherever the line is full, so
/// <c>pdftotext</c> gives "…增值税税" and "率为6%…" on two lines. A line as wide as the page's widest lines (within
/// <see cref="FullLine"/>) that does not end a sentence (。；：！？) is joined with the next line, unless the next line
/// starts a clause (第X条, 一、, (一), 1., 1.1, ①) or is empty. Chinese is joined without a space; two Latin letters
/// meeting get one space back (a figure broken across lines is joined whole).
/// </summary>
public static partial class PdfLines
{
    /// <summary>A line at least this share of the widest line's width is taken to be full.</summary>
    public const double FullLine = 0.9;

    /// <summary>Lines narrower than this (display columns) are never taken to be wrapped: a page of short lines (a signature block) is not a paragraph.</summary>
    public const int MinWrapWidth = 50;

    /// <summary>The page text with wrapped paragraph lines joined, the page's widest line taken as the full width.</summary>
    public static string Unwrap(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Unwrap(page, Widest(page));
    }

    /// <summary>The widest line of a text, in display columns; a document's pages share one full width.</summary>
    public static int Widest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n').Max(Width);
    }

    /// <summary>The page text with wrapped paragraph lines joined, given the document's widest line.</summary>
    public static string Unwrap(string page, int widest)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lines = page.Split('\n');
        if (lines.Length < 2 || widest < MinWrapWidth) return page;
        var sb = new StringBuilder(page.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            sb.Append(line);
            if (i == lines.Length - 1) break;
            var trimmed = line.TrimEnd();
            var next = lines[i + 1].TrimStart();
            var full = Width(line) >= Math.Max(widest * FullLine, MinWrapWidth);
            var ends = trimmed.Length == 0 || "。；;：:！？!?".Contains(trimmed[^1]);
            if (full && !ends && next.Length > 0 && !ClauseStart().IsMatch(next))
            {
                sb.Length -= line.Length - trimmed.Length;
                if (char.IsAsciiLetter(trimmed[^1]) && char.IsAsciiLetter(next[0])) sb.Append(' ');
                lines[i + 1] = next;
                continue;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Display width: a wide (CJK, full-width) character counts 2, others 1.</summary>
    private static int Width(string line)
    {
        var w = 0;
        foreach (var c in line.TrimEnd()) w += c >= 0x1100 ? 2 : 1;
        return w;
    }

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十百零〇0-9]+[条章节部]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|\d+(?:\.\d+)*[.、．\s]|[①-⑳])")]
    private static partial Regex ClauseStart();
}
