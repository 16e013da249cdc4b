using System.Globalization;
using System.Text;

namespace Lvyue.Notary;

/// <summary>
/// A transparency-log checkpoint (c2sp.org/tlog-checkpoint), the text of a signed note: the origin line,
/// the tree size in decimal, the base64 SHA-256 root hash, then optional non-empty extension lines.
/// Parsing is strict: no leading zeros, canonical base64, a 32-byte root, every line ending in a newline.
/// </summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    public Checkpoint(string origin, ulong treeSize, ReadOnlySpan<byte> rootHash, IEnumerable<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (CheckLine(origin, "origin") is { } originProblem) throw new NoteFormatException(originProblem);
        if (rootHash.Length != MerkleHash.Size)
            throw new NoteFormatException($"the root hash must be {MerkleHash.Size} bytes, not {rootHash.Length}");
        var lines = extensions?.ToList() ?? [];
        foreach (var line in lines)
            if (CheckLine(line, "extension line") is { } problem) throw new NoteFormatException(problem);
        Origin = origin;
        TreeSize = treeSize;
        _rootHash = rootHash.ToArray();
        Extensions = lines;
    }

    /// <summary>The log's origin (its unique name, conventionally a schema-less URL).</summary>
    public string Origin { get; }

    public ulong TreeSize { get; }

    public byte[] RootHash => (byte[])_rootHash.Clone();

    /// <summary>The extension lines after the root hash, without newlines.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text of the checkpoint, every line ending in a newline.</summary>
    public string ToNoteText()
    {
        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (var line in Extensions) builder.Append(line).Append('\n');
        return builder.ToString();
    }

    /// <summary>The note text.</summary>
    public override string ToString() => ToNoteText();

    /// <summary>The checkpoint signed by every signer (typically one key per algorithm, named like the origin).</summary>
    public SignedNote Sign(params NoteSigner[] signers) => SignedNote.Sign(ToNoteText(), signers);

    /// <summary>Reads a checkpoint from a note text; a malformed one throws <see cref="NoteFormatException"/>.</summary>
    public static Checkpoint Parse(string noteText) =>
        TryParse(noteText, out var checkpoint, out var reason) ? checkpoint! : throw new NoteFormatException(reason!);

    /// <summary>Reads a checkpoint from a note text, or gives the reason it is malformed.</summary>
    public static bool TryParse(string noteText, out Checkpoint? checkpoint, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        checkpoint = null;
        reason = Read(noteText, out checkpoint);
        return reason is null;
    }

    /// <summary>
    /// Verifies a signed checkpoint with <paramref name="keys"/> and reads it; when <paramref name="expectedOrigin"/>
    /// is given the checkpoint must be of that log. The checkpoint is null whenever the verdict is invalid.
    /// </summary>
    public static NoteVerdict Verify(string signedNote, NoteVerifierSet keys, string? expectedOrigin, out Checkpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(keys);
        checkpoint = null;
        var verdict = keys.Verify(signedNote);
        if (!verdict.IsValid) return verdict;
        var note = verdict.Note!;
        if (Read(note.Text, out var parsed) is { } problem)
            return NoteVerdict.Invalid(note, "the signed note is not a checkpoint: " + problem, verdict.UnknownSignatures);
        if (expectedOrigin is not null && parsed!.Origin != expectedOrigin)
            return NoteVerdict.Invalid(note, $"the checkpoint is of the log \"{parsed.Origin}\", not \"{expectedOrigin}\"", verdict.UnknownSignatures);
        checkpoint = parsed;
        return verdict;
    }

    private static string? Read(string text, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        if (SignedNote.CheckText(text) is { } textProblem) return textProblem;
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3) return "a checkpoint needs an origin line, a tree size line and a root hash line";
        if (CheckLine(lines[0], "origin") is { } originProblem) return originProblem;
        var size = lines[1];
        if (size.Length == 0 || !size.All(char.IsAsciiDigit) || size.Length > 1 && size[0] == '0')
            return $"the tree size \"{size}\" is not a decimal number without leading zeros";
        if (!ulong.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize))
            return $"the tree size {size} does not fit in 64 bits";
        if (!NoteKeyName.TryDecodeBase64(lines[2], out var root)) return "the root hash is not canonical standard base64";
        if (root.Length != MerkleHash.Size) return $"the root hash is {root.Length} bytes, not {MerkleHash.Size}";
        for (var i = 3; i < lines.Length; i++)
            if (CheckLine(lines[i], "extension line") is { } problem) return problem;
        checkpoint = new Checkpoint(lines[0], treeSize, root, lines[3..]);
        return null;
    }

    private static string? CheckLine(string line, string what)
    {
        if (line.Length == 0) return $"the {what} is empty";
        if (line.Any(c => c < 0x20)) return $"the {what} contains a control character or newline";
        return null;
    }
}
