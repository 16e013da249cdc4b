using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Lvyue.Integration;

/// <summary>
/// The shared strings of an .xlsx workbook, looked up by index while the sheet streams. The first
/// strings are kept in memory up to a budget; the rest spill to a temporary file read back by
/// offset, so a workbook of a million distinct texts does not need them all in memory.
/// </summary>
internal sealed class SharedStringTable : IDisposable
{
    private const int MemoryBudgetChars = 4 * 1024 * 1024;
    private readonly List<string> _memory = [];
    private readonly List<long> _offsets = [];
    private long _memoryChars;
    private string? _spillPath;
    private FileStream? _spill;
    private SafeFileHandle? _read;

    public int Count => _memory.Count + _offsets.Count;

    public void Add(string s)
    {
        if (_spill is null && _memoryChars + s.Length <= MemoryBudgetChars)
        {
            _memory.Add(s);
            _memoryChars += s.Length;
            return;
        }
        if (_spill is null)
        {
            _spillPath = Path.Combine(Path.GetTempPath(), "lvyue-sst-" + Guid.NewGuid().ToString("N"));
            _spill = new FileStream(_spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        }
        _offsets.Add(_spill.Position);
        var bytes = Encoding.UTF8.GetBytes(s);
        Span<byte> len = stackalloc byte[4];
        BitConverter.TryWriteBytes(len, bytes.Length);
        _spill.Write(len);
        _spill.Write(bytes);
    }

    /// <summary>Call once every string is added, before the first lookup.</summary>
    public void Complete()
    {
        if (_spill is null) return;
        _spill.Flush();
        _read = _spill.SafeFileHandle;
    }

    public string? Get(int index)
    {
        if (index < 0) return null;
        if (index < _memory.Count) return _memory[index];
        index -= _memory.Count;
        if (index >= _offsets.Count || _read is null) return null;
        Span<byte> len = stackalloc byte[4];
        RandomAccess.Read(_read, len, _offsets[index]);
        var buf = new byte[BitConverter.ToInt32(len)];
        RandomAccess.Read(_read, buf, _offsets[index] + 4);
        return Encoding.UTF8.GetString(buf);
    }

    public void Dispose()
    {
        _spill?.Dispose();
        if (_spillPath is not null && File.Exists(_spillPath)) File.Delete(_spillPath);
    }
}
