using System.Text;

namespace Lvyue.Common;

/// <summary>
/// Writes a PDF 1.4 file from its objects, in order (object 1 is the catalog): the header, each object, the
/// cross-reference table and the trailer. The platform's small document writers (determinations, credit reports,
/// publication lists, review reports) lay out their pages and leave the file structure to this.
/// </summary>
public static class PdfFile
{
    /// <summary>The bytes of a PDF whose objects are <paramref name="objects"/> (ASCII source, numbered from 1).</summary>
    public static byte[] Assemble(IReadOnlyList<string> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        using var ms = new MemoryStream();
        void W(string s) => ms.Write(Encoding.ASCII.GetBytes(s));
        W("%PDF-1.4\n%\u00e2\u00e3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(ms.Position);
            W($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = ms.Position;
        W($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) W($"{o:D10} 00000 n \n");
        W($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }
}
