using System.Globalization;

namespace Lvyue.Common;

/// <summary>A user-facing message in Simplified Chinese and English.</summary>
public sealed record Msg(string Zh, string En)
{
    /// <summary>The text for the current UI culture (Chinese unless the culture is English).</summary>
    public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Zh;

    /// <summary>Splits a "zh|en" pair as validators return them.</summary>
    public static Msg FromPair(string pair)
    {
        var i = pair.IndexOf('|');
        return i < 0 ? new Msg(pair, pair) : new Msg(pair[..i], pair[(i + 1)..]);
    }

    public override string ToString() => Text;
}

/// <summary>What went wrong, so that HTTP maps it to a status and the CLI to an exit code.</summary>
public enum ErrorKind { Invalid, NotFound, Conflict, Forbidden }

/// <summary>
/// A refused operation with per-field messages. Thrown before anything is written (or inside the
/// transaction that is then rolled back), so a refusal never leaves a partial write.
/// </summary>
public sealed class DomainException(ErrorKind kind, Msg title, IReadOnlyDictionary<string, Msg[]>? errors = null)
    : Exception(title.En)
{
    public ErrorKind Kind { get; } = kind;
    public Msg Title { get; } = title;
    public IReadOnlyDictionary<string, Msg[]> Errors { get; } = errors ?? new Dictionary<string, Msg[]>();

    /// <summary>A refusal for a missing (or unreachable) thing named by a "zh|en" pair, e.g. "合同|contract".</summary>
    public static DomainException NotFound(string what)
    {
        var name = Msg.FromPair(what);
        return new(ErrorKind.NotFound, new Msg($"未找到{name.Zh}", $"{char.ToUpperInvariant(name.En[0])}{name.En[1..]} not found"));
    }

    public static DomainException Forbidden() =>
        new(ErrorKind.Forbidden, new Msg("无权执行此操作", "You are not allowed to do this"));
}

/// <summary>Collects field errors and throws them together.</summary>
public sealed class ErrorBag
{
    private readonly Dictionary<string, List<Msg>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string zh, string en) => Add(field, new Msg(zh, en));

    public void Add(string field, Msg msg)
    {
        if (!_errors.TryGetValue(field, out var l)) _errors[field] = l = [];
        l.Add(msg);
    }

    public IReadOnlyDictionary<string, Msg[]> ToDictionary() => _errors.ToDictionary(k => k.Key, v => v.Value.ToArray());

    public void ThrowIfAny(string zh = "提交的数据有误", string en = "The submitted data is invalid")
    {
        if (Any) throw new DomainException(ErrorKind.Invalid, new Msg(zh, en), ToDictionary());
    }
}
