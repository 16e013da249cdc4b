using System.Buffers.Binary;
using System.Globalization;

namespace Lvyue.Notary;

/// <summary>One signature line of a signed note: <c>— &lt;key name&gt; base64(key ID ‖ signature)</c>.</summary>
public sealed class NoteSignature
{
    private readonly byte[] _signature;

    public NoteSignature(string keyName, uint keyId, ReadOnlySpan<byte> signature)
    {
        NoteKeyName.Validate(keyName);
        if (signature.IsEmpty) throw new NoteFormatException("a signature must not be empty");
        KeyName = keyName;
        KeyId = keyId;
        _signature = signature.ToArray();
    }

    public string KeyName { get; }

    public uint KeyId { get; }

    /// <summary>The signature bytes after the 4-byte key ID.</summary>
    public byte[] Signature => (byte[])_signature.Clone();

    internal byte[] SignatureBytes => _signature;

    /// <summary>The line without its newline.</summary>
    public string ToLine()
    {
        var data = new byte[4 + _signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(data, KeyId);
        _signature.CopyTo(data, 4);
        return $"\u2014 {KeyName} {Convert.ToBase64String(data)}";
    }

    /// <summary>The key name and ID, as in a verifier key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{KeyName}+{KeyId:x8}");
}
