using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Common;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Reads a Word 2007+ document (.docx) with DocumentFormat.OpenXml, in reading order: the headers (each header part once,
/// in the order the sections reference them), the body's paragraphs and tables (content controls opened), the text
/// boxes anchored in a paragraph right after it, then the footers. Automatic numbering is rendered as Word shows it
/// (<see cref="DocxNumbering"/>) and counted in <see cref="SourceUnit.PrefixLength"/>. A table becomes one unit per
/// non-empty cell (a cell's paragraphs and nested tables joined by spaces). Deleted revisions, field codes and the
/// fallback copies of alternate content are left out; tabs and line breaks inside a paragraph are kept as whitespace.
/// A file that is not a readable Word document, or whose archive would expand beyond <see cref="MaxExpandedBytes"/>, is
/// refused with a <see cref="DomainException"/>.
/// </summary>
public static class DocxReader
{
    /// <summary>The most the parts of a .docx archive may add up to once decompressed (a defence against zip bombs).</summary>
    public const long MaxExpandedBytes = 256L * 1024 * 1024;

    /// <summary>Reads the .docx in <paramref name="stream"/> (copied to memory first when it cannot seek).</summary>
    public static IngestedDocument Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var origin = stream.Position;
        CheckArchive(stream);
        stream.Position = origin;
        WordprocessingDocument doc;
        try
        {
            doc = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
                                      or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            throw NotWord();
        }
        using (doc)
        {
            try
            {
                var main = doc.MainDocumentPart;
                var body = main?.Document?.Body;
                if (main is null || body is null) throw NotWord();
                return new Walker(main).Read(body);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
                                          or System.Xml.XmlException or InvalidOperationException)
            {
                throw NotWord();
            }
        }
    }

    private static void CheckArchive(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > MaxExpandedBytes)
                    throw new DomainException(ErrorKind.Invalid, new Msg(
                        $"Word 文档解压后超过 {MaxExpandedBytes / (1024 * 1024)} MB，拒绝读取（可能是压缩炸弹）",
                        $"The Word document would expand beyond {MaxExpandedBytes / (1024 * 1024)} MB; refused (possibly a zip bomb)"));
            }
        }
        catch (InvalidDataException)
        {
            throw NotWord();
        }
    }

    private static DomainException NotWord() => new(ErrorKind.Invalid, new Msg(
        "无法读取该文件：不是有效的 Word 文档（.docx），或文件已损坏",
        "The file cannot be read: it is not a valid Word document (.docx) or it is corrupt"));

    private sealed class Walker(MainDocumentPart main)
    {
        private readonly DocxNumbering _numbering = new(main);
        private readonly List<SourceUnit> _units = [];
        private int _bodyParagraph;
        private int _table;
        private int _textBox;

        public IngestedDocument Read(Body body)
        {
            var sections = body.Descendants<SectionProperties>().ToList();
            HeadersOrFooters(sections.SelectMany(s => s.Elements<HeaderReference>()).Select(r => r.Id?.Value), SourceUnitKind.Header);
            Blocks(body);
            HeadersOrFooters(sections.SelectMany(s => s.Elements<FooterReference>()).Select(r => r.Id?.Value), SourceUnitKind.Footer);
            return new IngestedDocument(SourceFormat.Docx, _units);
        }

        private void HeadersOrFooters(IEnumerable<string?> ids, SourceUnitKind kind)
        {
            var seen = new HashSet<string>();
            var part = 0;
            foreach (var id in ids)
            {
                if (id is null || !seen.Add(id)) continue;
                OpenXmlElement? root = main.GetPartById(id) switch
                {
                    HeaderPart h => h.Header,
                    FooterPart f => f.Footer,
                    _ => null,
                };
                if (root is null) continue;
                var paragraph = 0;
                foreach (var p in Paragraphs(root))
                {
                    var (text, prefix, boxes) = ParagraphText(p);
                    Add(new SourceUnit { Kind = kind, Text = text, PrefixLength = prefix, Part = part, Paragraph = paragraph++ });
                    TextBoxes(boxes);
                }
                part++;
            }
        }

        private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                if (child is Paragraph p) yield return p;
                else if (child is Table t)
                {
                    foreach (var inner in t.Descendants<Paragraph>())
                        if (!Skipped(inner)) yield return inner;
                }
                else if (child is SdtBlock or SdtContentBlock or CustomXmlBlock)
                {
                    foreach (var inner in Paragraphs(child)) yield return inner;
                }
            }
        }

        private void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        var (text, prefix, boxes) = ParagraphText(p);
                        Add(new SourceUnit { Kind = SourceUnitKind.Paragraph, Text = text, PrefixLength = prefix, Paragraph = _bodyParagraph++ });
                        TextBoxes(boxes);
                        break;
                    case Table t:
                        TableUnits(t);
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        Blocks(child);
                        break;
                }
            }
        }

        private void TableUnits(Table table)
        {
            var index = _table++;
            var boxes = new List<TextBoxContent>();
            var row = 0;
            foreach (var tr in table.Elements<TableRow>())
            {
                var cell = 0;
                foreach (var tc in tr.Elements<TableCell>())
                {
                    var parts = new List<string>();
                    var prefix = 0;
                    foreach (var p in tc.Descendants<Paragraph>())
                    {
                        if (Skipped(p)) continue;
                        var (text, pfx, inner) = ParagraphText(p);
                        if (parts.Count == 0) prefix = pfx;
                        boxes.AddRange(inner);
                        if (text.Length > 0) parts.Add(text.Replace('\n', ' ').Replace('\t', ' '));
                    }
                    Add(new SourceUnit
                    {
                        Kind = SourceUnitKind.TableCell, Text = string.Join(' ', parts), PrefixLength = prefix,
                        Table = index, Row = row, Cell = cell,
                    });
                    cell++;
                }
                row++;
            }
            TextBoxes(boxes);
        }

        private void TextBoxes(List<TextBoxContent> boxes)
        {
            foreach (var box in boxes)
            {
                var index = _textBox++;
                var paragraph = 0;
                foreach (var p in Paragraphs(box))
                {
                    var (text, prefix, inner) = ParagraphText(p);
                    Add(new SourceUnit { Kind = SourceUnitKind.TextBox, Text = text, PrefixLength = prefix, TextBox = index, Paragraph = paragraph++ });
                    TextBoxes(inner);
                }
            }
        }

        private (string Text, int Prefix, List<TextBoxContent> Boxes) ParagraphText(Paragraph p)
        {
            var sb = new StringBuilder();
            var boxes = new List<TextBoxContent>();
            Inline(p, sb, boxes);
            // Word shows (and counts) the number of an empty numbered paragraph too.
            var number = _numbering.Next(p);
            return (number + sb, number.Length, boxes);
        }

        private static void Inline(OpenXmlElement element, StringBuilder sb, List<TextBoxContent> boxes)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t: sb.Append(t.Text); break;
                    case TabChar or PositionalTab: sb.Append('\t'); break;
                    case Break or CarriageReturn: sb.Append('\n'); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                    case TextBoxContent box: boxes.Add(box); break;
                    case AlternateContentFallback or DeletedText or FieldCode or DeletedFieldCode or ParagraphProperties or RunProperties: break;
                    default: Inline(child, sb, boxes); break;
                }
            }
        }

        private static bool Skipped(OpenXmlElement e) =>
            e.Ancestors<AlternateContentFallback>().Any() || e.Ancestors<TextBoxContent>().Any();

        private void Add(SourceUnit unit)
        {
            if (unit.Text.Trim().Length > 0) _units.Add(unit);
        }
    }
}
