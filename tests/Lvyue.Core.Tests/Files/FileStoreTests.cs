using System.Security.Cryptography;
using System.Text;
using Lvyue.Files;

namespace Lvyue.Tests.Files;

/// <summary>The content-addressed file store and its SHA-256 and SM3 digests.</summary>
public sealed class FileStoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("lvyue-files-");

    public void Dispose() => _root.Delete(recursive: true);

    // GB/T 32905-2016, appendix A: examples 1 and 2.
    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Sm3_MatchesTheStandardsTestVectors(string input, string expected) =>
        Assert.Equal(expected, FileStore.Sm3Hex(Encoding.ASCII.GetBytes(input)));

    [Fact]
    public async Task Put_StoresTheBytesUnderTheirSha256WithTheirSm3()
    {
        var store = new FileStore(_root.FullName);
        var bytes = Encoding.UTF8.GetBytes("合同正文");

        var file = await store.PutAsync(new MemoryStream(bytes), maxBytes: 1024);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(FileStore.Sm3Hex(bytes), file.Sm3);
        Assert.Equal(bytes.Length, file.Size);
        Assert.True(File.Exists(Path.Combine(_root.FullName, file.Sha256[..2], file.Sha256[2..4], file.Sha256)));
        await using var read = store.Open(file.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Put_StoresTheSameBytesOnce()
    {
        var store = new FileStore(_root.FullName);
        var bytes = Encoding.UTF8.GetBytes("同一份合同");

        var first = await store.PutAsync(new MemoryStream(bytes), 1024);
        var second = await store.PutAsync(new MemoryStream(bytes), 1024);

        Assert.Equal(first, second);
        Assert.Single(Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Put_RefusesMoreThanTheLimitAndLeavesNoFile()
    {
        var store = new FileStore(_root.FullName);

        await Assert.ThrowsAsync<FileTooLargeException>(() => store.PutAsync(new MemoryStream(new byte[2049]), 2048));

        Assert.Empty(Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Open_RefusesAKeyThatIsNotADigest() =>
        Assert.Throws<ArgumentException>(() => new FileStore(_root.FullName).Open("../../etc/passwd"));
}
