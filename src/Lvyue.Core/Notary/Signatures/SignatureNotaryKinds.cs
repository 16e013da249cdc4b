namespace Lvyue.Notary.Signatures;

/// <summary>The notary event kinds of electronic signatures (payloads in docs/notary-leaf-format.md).</summary>
public static class SignatureNotaryKinds
{
    /// <summary>
    /// A party signed a document version: digests <c>sha256</c>, <c>sm3</c> (the document), <c>signature.sha256</c> (the
    /// signature file), <c>certificate.sha256</c> (the signer's certificate); attrs <c>signature</c> (id), <c>document</c>
    /// (id), <c>version</c>, <c>party</c> (<c>purchaser</c>/<c>supplier</c>), <c>algorithm</c>, <c>format</c>, <c>external</c>.
    /// </summary>
    public const string DocumentSigned = "document.signed";

    /// <summary>Every required party signed: the contract is signed; attrs <c>document</c>, <c>parties</c>, <c>order</c>.</summary>
    public const string ContractSigned = "contract.signed";

    /// <summary>The Chinese and English label of a signature kind, null for another kind.</summary>
    public static (string Zh, string En)? Label(string kind) => kind switch
    {
        DocumentSigned => ("电子签名", "Document signed"),
        ContractSigned => ("合同签署完成", "Contract signed"),
        _ => null,
    };
}
