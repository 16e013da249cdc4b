using System.Text;
using Lvyue.Contracts;

namespace Lvyue.Testing;

/// <summary>Contract documents to upload in tests.</summary>
public static class TestFiles
{
    public static byte[] TextBytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A plain-text contract.</summary>
    public static UploadedDocument Txt(string text = "物业管理服务合同\n甲方：示范区教育局\n乙方：鹏城物业管理有限公司\n", string name = "合同.txt") =>
        new(name, new MemoryStream(TextBytes(text)));

    /// <summary>A minimal PDF (the sniffer reads the %PDF- signature).</summary>
    public static UploadedDocument Pdf(string name = "合同.pdf") =>
        new(name, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")));

    /// <summary>A Windows executable (MZ header) renamed to .pdf.</summary>
    public static UploadedDocument ExeRenamedPdf(string name = "合同.pdf")
    {
        var bytes = new byte[512];
        "MZ"u8.CopyTo(bytes);
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return new UploadedDocument(name, new MemoryStream(bytes));
    }
}
