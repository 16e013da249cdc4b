using System.Text;
using Lvyue.Files;

namespace Lvyue.Tests.Files;

/// <summary>Upload sniffing: the bytes must be what the extension claims.</summary>
public sealed class FileSnifferTests
{
    [Theory]
    [InlineData("合同.pdf", "%PDF-1.7\n")]
    [InlineData("合同.txt", "甲方：示范区教育局")]
    [InlineData("合同.TXT", "plain text")]
    public void Sniffer_AcceptsContentThatMatchesTheExtension(string name, string head) =>
        Assert.Null(FileSniffer.Check(name, Encoding.UTF8.GetBytes(head)));

    [Theory]
    [InlineData("合同.pdf", "MZ\u0090\0")]
    [InlineData("合同.txt", "MZ\u0090\0")]
    [InlineData("合同.docx", "%PDF-1.7")]
    [InlineData("合同.pdf", "PK\u0003\u0004")]
    [InlineData("合同.txt", "\u007fELF")]
    public void Sniffer_RefusesContentThatDoesNotMatchTheExtension(string name, string head) =>
        Assert.Contains("扩展名与内容不符", FileSniffer.Check(name, Encoding.Latin1.GetBytes(head)));

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("合同.doc")]
    [InlineData("合同")]
    public void Sniffer_RefusesUnsupportedTypes(string name) =>
        Assert.Contains("不支持的文件类型", FileSniffer.Check(name, "%PDF-1.7"u8));

    [Fact]
    public void Sniffer_RefusesAnEmptyFile() => Assert.Contains("文件为空", FileSniffer.Check("合同.pdf", []));
}
