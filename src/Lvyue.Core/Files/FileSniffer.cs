namespace Lvyue.Files;

/// <summary>
/// Checks that an upload's bytes are what its extension claims (a .exe renamed .pdf is refused):
/// .pdf starts with %PDF-, .docx is a ZIP whose entries include word/document.xml, .txt is text.
/// </summary>
public static class FileSniffer
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".txt"] = "text/plain",
    };

    /// <summary>Null when the content matches the extension; otherwise the reason as "zh|en".</summary>
    public static string? Check(string fileName, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (!ContentTypes.ContainsKey(ext))
            return $"不支持的文件类型“{ext}”，仅支持 .docx、.pdf、.txt|Unsupported file type '{ext}': only .docx, .pdf and .txt are accepted";
        if (head.Length == 0) return "文件为空|The file is empty";
        switch (ext)
        {
            case ".pdf":
                return head.StartsWith("%PDF-"u8) ? null : "文件内容不是PDF（扩展名与内容不符）|The content is not a PDF (the extension does not match the content)";
            case ".docx":
                if (!head.StartsWith("PK\x03\x04"u8))
                    return "文件内容不是Word文档（扩展名与内容不符）|The content is not a Word document (the extension does not match the content)";
                return null;
            default:
                if (head.StartsWith("MZ"u8) || head.StartsWith("\u007FELF"u8) || head.StartsWith("PK\x03\x04"u8) || head.StartsWith("%PDF"u8))
                    return "文件内容不是纯文本（扩展名与内容不符）|The content is not plain text (the extension does not match the content)";
                var zeros = 0;
                foreach (var b in head) if (b == 0) zeros++;
                return zeros > 0 && !(head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }))
                    ? "文件内容不是纯文本|The content is not plain text" : null;
        }
    }

    /// <summary>For .docx, confirms the ZIP holds word/document.xml.</summary>
    public static bool IsWordPackage(Stream s)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(s, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }
}
