using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Lvyue.Files;

/// <summary>The digests of one stored file.</summary>
public sealed record StoredFile(string Sha256, string Sm3, long Size);

/// <summary>
/// Content-addressed storage on disk: a file lives at <c>ab/cd/&lt;sha256&gt;</c> under the root and is
/// never overwritten (the same bytes map to the same path). Several app instances may share the root.
/// </summary>
public sealed class FileStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Streams <paramref name="content"/> to a temporary file while hashing, then moves it into place.</summary>
    public async Task<StoredFile> PutAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var tmp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sm3 = new SM3Digest();
        long size = 0;
        try
        {
            await using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, true))
            {
                var buf = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buf, ct)) > 0)
                {
                    size += n;
                    if (size > maxBytes) throw new FileTooLargeException(maxBytes);
                    sha.AppendData(buf, 0, n);
                    sm3.BlockUpdate(buf, 0, n);
                    await fs.WriteAsync(buf.AsMemory(0, n), ct);
                }
            }
            var sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
            var sm3Bytes = new byte[sm3.GetDigestSize()];
            sm3.DoFinal(sm3Bytes, 0);
            var path = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path)) File.Delete(tmp);
            else
            {
                try { File.Move(tmp, path); }
                catch (IOException) when (File.Exists(path)) { File.Delete(tmp); } // another instance won the race
            }
            return new StoredFile(sha256, Convert.ToHexStringLower(sm3Bytes), size);
        }
        catch
        {
            if (File.Exists(tmp)) File.Delete(tmp);
            throw;
        }
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("not a SHA-256 hex digest", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>SM3 (GB/T 32905-2016) of a byte array, lower-case hex.</summary>
    public static string Sm3Hex(ReadOnlySpan<byte> data)
    {
        var d = new SM3Digest();
        d.BlockUpdate(data.ToArray(), 0, data.Length);
        var o = new byte[32];
        d.DoFinal(o, 0);
        return Convert.ToHexStringLower(o);
    }
}

/// <summary>Thrown when an upload exceeds the configured limit.</summary>
public sealed class FileTooLargeException(long limit) : Exception($"File exceeds {limit} bytes")
{
    public long Limit { get; } = limit;
}
