using System.Security.Cryptography;
using System.Text;
using Lvyue.Contracts;
using Lvyue.Files;
using Lvyue.Notary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Verify;

/// <summary>
/// The public notarization verifier (no login): a document file, a pasted SHA-256/SM3 digest or a JSON receipt is
/// checked against the log — the document's digest looked up among the notarized document leaves and each match's
/// receipt verified with the platform's keys, or the uploaded receipt verified offline. Shows only what disclosure
/// allows: leaf hash, time, event kind and index, never the contract's content.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(NotaryLookup lookup, NotaryKeyRing keys, FilingOptions filing) : PageModel
{
    /// <summary>A pasted digest (64 hex digits).</summary>
    [BindProperty] public string? Digest { get; set; }

    /// <summary>A document, or a receipt (<c>.json</c>).</summary>
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>Whether a check ran (the form was posted and valid).</summary>
    public bool Checked { get; private set; }

    /// <summary>The digests of an uploaded document.</summary>
    public (string Sha256, string Sm3)? DocumentDigests { get; private set; }

    /// <summary>Each notarized event found, with the verdict of its receipt.</summary>
    public List<NotaryCheck> Matches { get; } = [];

    /// <summary>The verdict of an uploaded receipt.</summary>
    public ProofVerdict? ReceiptVerdict { get; private set; }

    /// <summary>The public facts of an uploaded receipt's leaf when it parses.</summary>
    public NotaryPublicEntry? ReceiptEntry { get; private set; }

    /// <summary>The checkpoint an uploaded receipt was verified against (when its signature verifies).</summary>
    public (long? TreeSize, string? RootHash) ReceiptCheckpoint { get; private set; }

    /// <summary>The witness cosignatures on an uploaded receipt's checkpoint, checked with the configured witness keys.</summary>
    public IReadOnlyList<WitnessCosignatureCheck> ReceiptCosignatures { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > filing.MaxDocumentBytes)
            {
                ModelState.AddModelError(nameof(Upload), T($"文件超过 {filing.MaxDocumentBytes / 1024 / 1024} MB 上限",
                    $"The file exceeds the {filing.MaxDocumentBytes / 1024 / 1024} MB limit"));
                return Page();
            }
            if (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) await CheckReceiptAsync(file, ct);
            else await CheckDocumentAsync(file, ct);
            Checked = true;
            return Page();
        }
        var digest = Digest?.Trim() ?? "";
        if (digest.Length == 0)
        {
            ModelState.AddModelError(string.Empty, T("请上传文件或回执，或输入摘要", "Upload a file or a receipt, or enter a digest"));
            return Page();
        }
        if (digest.Length != 64 || !digest.All(char.IsAsciiHexDigit))
        {
            ModelState.AddModelError(nameof(Digest), T("摘要应为 64 位十六进制（SHA-256 或 SM3）", "The digest must be 64 hex digits (SHA-256 or SM3)"));
            return Page();
        }
        await AddMatchesAsync(digest, ct);
        Checked = true;
        return Page();
    }

    private async Task CheckDocumentAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var sm3 = FileStore.Sm3Hex(bytes);
        DocumentDigests = (sha, sm3);
        await AddMatchesAsync(sha, ct);
        if (Matches.Count == 0) await AddMatchesAsync(sm3, ct);
    }

    private async Task AddMatchesAsync(string digest, CancellationToken ct)
    {
        foreach (var entry in await lookup.FindByDigestAsync(digest, ct))
            Matches.Add(await lookup.CheckAsync(entry, ct));
    }

    private async Task CheckReceiptAsync(IFormFile file, CancellationToken ct)
    {
        string json;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            json = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            ReceiptVerdict = ProofVerdict.Invalid("the receipt is not UTF-8 text");
            return;
        }
        ReceiptVerdict = ReceiptVerifier.Verify(json, keys.Verifiers);
        ReceiptCheckpoint = NotaryLookup.ReceiptCheckpoint(json, keys.Verifiers);
        ReceiptCosignatures = NotaryLookup.ReceiptCosignatures(json, keys.Verifiers, lookup.WitnessKeys);
        ReceiptEntry = PublicFacts(json);
    }

    // Index, kind, time and leaf hash of a receipt's leaf when it is a well-formed event; null otherwise.
    private static NotaryPublicEntry? PublicFacts(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("leaf", out var leaf)
                || leaf.ValueKind != System.Text.Json.JsonValueKind.String || !root.TryGetProperty("index", out var index)
                || !index.TryGetInt64(out var i))
                return null;
            var data = Encoding.UTF8.GetBytes(leaf.GetString()!);
            var e = NotaryEvent.Parse(data);
            return new NotaryPublicEntry(i, e.Kind, e.At.UtcDateTime, Convert.ToHexStringLower(MerkleHash.Leaf(data)), null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
