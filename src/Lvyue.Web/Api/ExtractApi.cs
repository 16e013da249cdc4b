using System.Diagnostics;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Corrections;
using Lvyue.Web.Auth;

namespace Lvyue.Web.Api;

/// <summary>A pre-filled form field as the extract endpoint returns it.</summary>
public sealed record PrefillFieldDto(string Key, string Input, string Value, string Display, double Confidence, int Start, int End);

/// <summary>The extraction of an uploaded document for the filing form.</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Text">The normalized text the spans point into.</param>
/// <param name="Fields">The form fields to pre-fill.</param>
/// <param name="Spans">Every extracted field's span by its extraction name (purchaser.name …).</param>
/// <param name="PaymentInstallments">How many payment installments were found.</param>
/// <param name="ElapsedMs">Time to read and extract the document.</param>
public sealed record ExtractionDto(string FileName, string Text, IReadOnlyList<PrefillFieldDto> Fields,
    IReadOnlyDictionary<string, int[]> Spans, int PaymentInstallments, double ElapsedMs);

/// <summary>/api/v1/extract: reads a contract document and returns what the filing form pre-fills, with the words each value came from.</summary>
public static class ExtractApi
{
    /// <summary>The largest document read (the filing form's limit).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public static RouteGroupBuilder MapExtractApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/extract").WithTags("Extraction").RequireAuthorization(Policies.ContractWriters);
        g.MapPost("/", Extract).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Read a contract document (.docx, .pdf, .txt; multipart field 'file') and return the extracted form fields with their spans in the normalized text");
        return g;
    }

    private static async Task<IResult> Extract(IFormFile? file, LvyueDbContext db, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            throw new DomainException(ErrorKind.Invalid, new Msg("请上传合同文本（.docx、.pdf 或 .txt）", "Upload the contract document (.docx, .pdf or .txt)"));
        if (file.Length > MaxBytes)
            throw new DomainException(ErrorKind.Invalid, new Msg("文件超过50MB", "The file is larger than 50 MB"));
        var watch = Stopwatch.StartNew();
        await using var stream = file.OpenReadStream();
        var read = await new ExtractionCorrections(db).ReadAsync(stream, file.FileName, ct);
        var spans = read.Extraction.Spans().ToDictionary(s => s.Key, s => new[] { s.Value.Start, s.Value.End });
        return TypedResults.Ok(new ExtractionDto(file.FileName, read.Extraction.Text,
            read.Fields.Select(f => new PrefillFieldDto(f.Key, f.Input, f.Value, f.Display, Math.Round(f.Confidence, 2), f.Start, f.End)).ToList(),
            spans, read.Extraction.PaymentSchedule.Count, Math.Round(watch.Elapsed.TotalMilliseconds, 1)));
    }
}
