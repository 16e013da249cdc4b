using System.Security.Cryptography;

namespace Lvyue.Integration;

/// <summary>
/// An uploaded file an importer reads twice (validate every row, then write): a stream that cannot
/// seek is first copied to a temporary file. Also gives the SHA-256 recorded in the audit log.
/// </summary>
public sealed class ImportSource : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly long _start;
    private readonly bool _owned;

    private ImportSource(Stream stream, string fileName, bool owned)
    {
        _stream = stream;
        _start = stream.Position;
        _owned = owned;
        FileName = Path.GetFileName(fileName);
    }

    public string FileName { get; }
    public long Length => _stream.Length - _start;
    public string Sha256 { get; private set; } = "";

    public static async Task<ImportSource> OpenAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        ImportSource source;
        if (content.CanSeek) source = new ImportSource(content, fileName, owned: false);
        else
        {
            var tmp = new FileStream(Path.Combine(Path.GetTempPath(), "lvyue-import-" + Guid.NewGuid().ToString("N")),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(tmp, ct);
            tmp.Position = 0;
            source = new ImportSource(tmp, fileName, owned: true);
        }
        source._stream.Position = source._start;
        source.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(source._stream, ct));
        source._stream.Position = source._start;
        return source;
    }

    /// <summary>A reader over the whole file from its start (throws <see cref="TabularFormatException"/>).</summary>
    public TabularReader Open()
    {
        _stream.Position = _start;
        return TabularReader.Open(_stream, FileName);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned) await _stream.DisposeAsync();
    }
}
