using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Notary.Signatures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Signatures;

/// <summary>
/// The electronic signing of one contract (电子签署): the required parties and their signatures, the signing order, the
/// caller's sign button (SM2 or ECDSA P-256 with the caller's platform key, issued on first use), attaching a signature
/// made elsewhere, downloads, and every stored signature verified against the stored document.
/// </summary>
public sealed class IndexModel(LvyueDbContext db, ContractSigningService signing) : LvyuePage(db)
{
    public string Title { get; private set; } = "";
    public string Number { get; private set; } = "";
    public SigningStatus Status { get; private set; } = null!;
    public List<(DocumentSignature Signature, SignatureVerdict Verdict)> Verification { get; private set; } = [];
    /// <summary>The caller may set the order: the purchaser's writer before any signature.</summary>
    public bool CanSetOrder => Status.Signatures.Count == 0 && Status.Parties.Any(p => p.IsCaller && p.Party == SigningParty.Purchaser);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(long id, string? algorithm, CancellationToken ct)
    {
        try
        {
            var s = await signing.SignAsync(id, new SignRequest(Algorithm: SignatureAlgorithms.Parse(algorithm)), ct);
            Flash = T($"已签署：{s.SignerName}（{SignatureAlgorithms.Label(s.Algorithm)}）", $"Signed by {s.SignerName} ({SignatureAlgorithms.Label(s.Algorithm)})");
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, ct));
        }
    }

    public async Task<IActionResult> OnPostOrderAsync(long id, SigningOrder order, CancellationToken ct)
    {
        try
        {
            await signing.SetOrderAsync(id, order, ct);
            Flash = T("签署顺序已保存", "The signing order is saved");
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, ct));
        }
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 } || file.Length > 1024 * 1024)
        {
            ModelState.AddModelError(string.Empty, T("请上传签名文件（.p7s，不超过 1 MB）", "Upload the signature file (.p7s, at most 1 MB)"));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        try
        {
            using var buffer = new MemoryStream();
            await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
            var signature = await signing.AttachAsync(id, buffer.ToArray(), null, ct);
            Flash = T($"外部签名已添加：{signature.SignerName}", $"External signature attached: {signature.SignerName}");
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, ct));
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var c = await Db.Contracts.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Title, x.Number }).FirstOrDefaultAsync(ct);
        if (c is null) return false;
        (Title, Number) = (c.Title, c.Number);
        Status = await signing.StatusAsync(id, ct);
        Verification = Status.Signatures.Count > 0 ? await signing.VerifyStoredAsync(id, ct) : [];
        return true;
    }
}
