using System.Buffers.Binary;
using System.Text;

namespace Lvyue.Notary;

/// <summary>
/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more
/// signature lines. Parsing is strict: valid UTF-8, no control characters but newline, well-formed
/// signature lines in canonical base64; it does not check any signature (see <see cref="NoteVerifierSet"/>).
/// </summary>
public sealed class SignedNote
{
    /// <summary>The most signature lines a note may carry (the specification requires accepting at least 16).</summary>
    public const int MaxSignatures = 100;

    /// <summary>The largest note accepted, in bytes.</summary>
    public const int MaxSize = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>The UTF-8 bytes of <see cref="Text"/>, which is what every signature signs.</summary>
    public byte[] TextBytes => StrictUtf8.GetBytes(Text);

    /// <summary>Signs <paramref name="text"/> with every signer, in order.</summary>
    public static SignedNote Sign(string text, IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        if (CheckText(text) is { } problem) throw new NoteFormatException(problem);
        var bytes = StrictUtf8.GetBytes(text);
        var signatures = signers.Select(s => new NoteSignature(s.Name, s.KeyId, s.Sign(bytes))).ToList();
        if (signatures.Count == 0) throw new ArgumentException("A note needs at least one signer", nameof(signers));
        if (signatures.Count > MaxSignatures) throw new ArgumentException($"A note carries at most {MaxSignatures} signatures", nameof(signers));
        return new SignedNote(text, signatures);
    }

    /// <summary>Signs <paramref name="text"/> with one or more signers.</summary>
    public static SignedNote Sign(string text, params NoteSigner[] signers) => Sign(text, (IEnumerable<NoteSigner>)signers);

    /// <summary>This note with more signatures appended (for example a second algorithm or a witness).</summary>
    public SignedNote WithSignatures(IEnumerable<NoteSignature> more)
    {
        var all = Signatures.Concat(more).ToList();
        if (all.Count > MaxSignatures) throw new ArgumentException($"A note carries at most {MaxSignatures} signatures", nameof(more));
        return new SignedNote(Text, all);
    }

    /// <summary>Why <paramref name="text"/> cannot be a note text, or null when it can.</summary>
    public static string? CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n') return "the note text must end with a newline";
        if (text.Any(c => c < 0x20 && c != '\n')) return "the note text contains a control character";
        try
        {
            StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return "the note text is not valid Unicode";
        }
        return null;
    }

    /// <summary>Reads a signed note from its UTF-8 bytes; a malformed one throws <see cref="NoteFormatException"/>.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxSize) throw new NoteFormatException($"the note is larger than {MaxSize} bytes");
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new NoteFormatException("the note is not valid UTF-8", e);
        }
        return Parse(text);
    }

    /// <summary>Reads a signed note; a malformed one throws <see cref="NoteFormatException"/> saying what is wrong.</summary>
    public static SignedNote Parse(string note) =>
        TryParse(note, out var parsed, out var reason) ? parsed! : throw new NoteFormatException(reason!);

    /// <summary>Reads a signed note, or gives the reason it is malformed.</summary>
    public static bool TryParse(string note, out SignedNote? parsed, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(note);
        parsed = null;
        reason = Read(note, out var text, out var signatures);
        if (reason is not null) return false;
        parsed = new SignedNote(text!, signatures!);
        return true;
    }

    private static string? Read(string note, out string? text, out List<NoteSignature>? signatures)
    {
        text = null;
        signatures = null;
        if (note.Length > MaxSize) return $"the note is larger than {MaxSize} bytes";
        if (note.Any(c => c < 0x20 && c != '\n')) return "the note contains a control character other than newline";
        try
        {
            if (StrictUtf8.GetByteCount(note) > MaxSize) return $"the note is larger than {MaxSize} bytes";
        }
        catch (EncoderFallbackException)
        {
            return "the note is not valid Unicode";
        }
        if (!note.EndsWith('\n')) return "the note does not end with a newline";
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return "the note has no blank line before its signatures";
        text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0) return "the note has no signature lines";
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures) return $"the note has more than {MaxSignatures} signatures";
        signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            if (ReadLine(line, out var signature) is { } problem) return problem;
            signatures.Add(signature!);
        }
        return null;
    }

    private static string? ReadLine(string line, out NoteSignature? signature)
    {
        signature = null;
        const string Dash = "\u2014 ";
        if (!line.StartsWith(Dash, StringComparison.Ordinal)) return $"the signature line \"{Shorten(line)}\" does not start with an em dash and a space";
        var rest = line[Dash.Length..];
        var space = rest.IndexOf(' ');
        if (space < 0) return $"the signature line \"{Shorten(line)}\" has no space between key name and signature";
        var name = rest[..space];
        if (!NoteKeyName.IsValid(name, out var nameProblem)) return $"the signature line \"{Shorten(line)}\" is malformed: {nameProblem}";
        if (!NoteKeyName.TryDecodeBase64(rest[(space + 1)..], out var data))
            return $"the signature of {name} is not canonical standard base64";
        if (data.Length <= 4) return $"the signature of {name} is too short to hold a key ID and a signature";
        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(data), data.AsSpan(4));
        return null;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    /// <summary>The signed note: text, blank line, signature lines.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures) builder.Append(signature.ToLine()).Append('\n');
        return builder.ToString();
    }
}
