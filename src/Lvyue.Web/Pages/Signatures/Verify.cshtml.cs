using System.Security.Cryptography;
using Lvyue.Contracts;
using Lvyue.Files;
using Lvyue.Notary.Signatures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Signatures;

/// <summary>
/// The public signature verifier (no login): a contract document and one or more detached signature files (.p7s, DER
/// or PEM) → per signer the name, signing time, certificate chain with validity and revocation, and whether the
/// document is unchanged; any failure is shown with its precise reason.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(PlatformCertificateAuthority ca, FilingOptions filing) : PageModel
{
    private const long MaxSignatureBytes = 1024 * 1024;

    [BindProperty] public IFormFile? Document { get; set; }

    [BindProperty] public List<IFormFile> Signature { get; set; } = [];

    /// <summary>The uploaded document's digests when checked.</summary>
    public (string Sha256, string Sm3)? Digests { get; private set; }

    /// <summary>Each signer's verdict with the file it came from.</summary>
    public List<(string? File, SignatureVerdict Verdict)> Verdicts { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Document is not { Length: > 0 }) ModelState.AddModelError(nameof(Document), T("请上传合同文件", "Upload the contract document"));
        else if (Document.Length > filing.MaxDocumentBytes)
            ModelState.AddModelError(nameof(Document), T($"文件超过 {filing.MaxDocumentBytes / 1024 / 1024} MB 上限", $"The file exceeds the {filing.MaxDocumentBytes / 1024 / 1024} MB limit"));
        var signatures = Signature.Where(s => s.Length > 0).ToList();
        if (signatures.Count == 0) ModelState.AddModelError(nameof(Signature), T("请上传签名文件（.p7s）", "Upload the signature file(s) (.p7s)"));
        if (signatures.Any(s => s.Length > MaxSignatureBytes)) ModelState.AddModelError(nameof(Signature), T("签名文件超过 1 MB 上限", "A signature file exceeds the 1 MB limit"));
        if (!ModelState.IsValid) return Page();
        var document = await ReadAsync(Document!, ct);
        Digests = (Convert.ToHexStringLower(SHA256.HashData(document)), FileStore.Sm3Hex(document));
        var trust = await ca.TrustStoreAsync(ct);
        foreach (var s in signatures)
            foreach (var v in DocumentSignatureVerifier.Verify(document, await ReadAsync(s, ct), trust))
                Verdicts.Add((s.FileName, v));
        return Page();
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using var s = file.OpenReadStream();
        await s.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
