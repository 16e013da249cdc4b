namespace Lvyue.Notary;

/// <summary>The signature algorithms a signed-note key can use.</summary>
public enum NoteAlgorithm
{
    /// <summary>Ed25519 (RFC 8032) over the note text, signed-note signature type 0x01.</summary>
    Ed25519,

    /// <summary>
    /// SM2 with SM3 (GB/T 32918, default user ID 1234567812345678) over the note text, signature type
    /// 0xff followed by the identifier <c>lvyue-sm2sm3-v1</c>; see docs/notary-signed-note.md.
    /// </summary>
    Sm2,
}
