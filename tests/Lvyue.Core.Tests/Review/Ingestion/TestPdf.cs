using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>
/// Hand-written PDFs for the ingestion tests: text pages (ASCII lines in Helvetica; other lines in the non-embedded
/// Adobe-GB1 font STSong-Light, which poppler draws with a fontconfig CJK font such as fonts-noto-cjk and maps back to
/// Unicode with poppler-data), and "scans": a page that is only a grey image, rasterized from a text PDF with pdftoppm.
/// </summary>
internal static class TestPdf
{
    /// <summary>A PDF with one page per entry, each line drawn at <paramref name="fontSize"/> points.</summary>
    public static byte[] Text(int fontSize, params string[][] pages)
    {
        if (pages.Length > 4) throw new ArgumentException("at most 4 pages", nameof(pages));
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + 2 * i} 0 R"))}] /Count {pages.Length} >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Ascii("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>"),
            Ascii("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 14 0 R >>"),
        };
        foreach (var lines in pages)
        {
            var content = new StringBuilder();
            var y = 720;
            foreach (var line in lines)
            {
                var ascii = line.All(c => c < 128);
                var shown = ascii
                    ? "(" + line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")"
                    : "<" + string.Concat(line.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";
                content.Append(CultureInfo.InvariantCulture, $"BT /{(ascii ? "F1" : "F2")} {fontSize} Tf 72 {y} Td {shown} Tj ET\n");
                y -= fontSize * 2;
            }
            var n = objects.Count + 1;
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {n + 1} 0 R >>"));
            objects.Add(Stream("", Encoding.ASCII.GetBytes(content.ToString())));
        }
        while (objects.Count < 13) objects.Add(Ascii("null"));
        objects.Add(Ascii("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"));
        return Assemble(objects);
    }

    /// <summary>A PDF whose pages are only 8-bit grey images, one per page: what a scanner produces.</summary>
    public static byte[] Scan(params (int Width, int Height, byte[] Grey)[] pages)
    {
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{3 + 3 * i} 0 R"))}] /Count {pages.Length} >>"),
        };
        foreach (var (width, height, grey) in pages)
        {
            var n = objects.Count + 1;
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 {n + 2} 0 R >> >> /Contents {n + 1} 0 R >>"));
            objects.Add(Stream("", Encoding.ASCII.GetBytes("q 612 0 0 792 0 0 cm /Im1 Do Q\n")));
            objects.Add(Stream($" /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8", grey));
        }
        return Assemble(objects);
    }

    /// <summary>Rasterizes page 1 of <paramref name="pdf"/> with pdftoppm to an 8-bit grey image.</summary>
    public static (int Width, int Height, byte[] Grey) Rasterize(string pdf, int dpi)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, "raster");
        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);
        var bytes = File.ReadAllBytes(prefix + ".pgm");
        // P5 <width> <height> 255 and one whitespace byte, then the pixels.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)bytes[i])) i++;
            fields.Add(Encoding.ASCII.GetString(bytes, start, i - start));
        }
        var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return (width, height, bytes[(i + 1)..(i + 1 + width * height)]);
    }

    /// <summary>Runs a poppler tool, failing with the package to install when it is missing.</summary>
    public static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var error = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(60_000), $"{tool} did not finish");
            Assert.True(p.ExitCode == 0, $"{tool} failed: {error}");
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{tool} is not installed: apt-get install poppler-utils (scripts/test.sh installs it)");
        }
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii($"<<{dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. Ascii("\nendstream")];

    private static byte[] Assemble(List<byte[]> objects)
    {
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
