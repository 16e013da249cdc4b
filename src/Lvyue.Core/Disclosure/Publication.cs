using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lvyue.Disclosure;

/// <summary>What a periodic publication list (定期公布名单) lists.</summary>
public enum PublicationKind
{
    /// <summary>失信认定名单: dishonesty determinations in force at the period's end.</summary>
    Determinations,
    /// <summary>限制参与政府采购名单: procurement restrictions in force at the period's end.</summary>
    Sanctions,
    /// <summary>红名单（信易贷推荐）: suppliers graded 优, referred for credit loans.</summary>
    RedList,
}

/// <summary>How often a list is published.</summary>
public enum PublicationPeriod { Monthly, Quarterly }

/// <summary>
/// A frozen publication list of a region for a month or quarter: its rows are copied in when it is generated
/// (<see cref="ContentJson"/>, with its SHA-256), so it keeps its content whatever later happens to the records.
/// Generating the same list again adds the next <see cref="Version"/>; earlier versions stay as they were.
/// </summary>
public sealed class Publication
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public PublicationKind Kind { get; set; }
    public PublicationPeriod Period { get; set; }
    /// <summary>2026-10 or 2026-Q3.</summary>
    public required string PeriodLabel { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int Version { get; set; }
    public int RowCount { get; set; }
    /// <summary>The rows (<see cref="PublicationRow"/>) as JSON, frozen.</summary>
    public string ContentJson { get; set; } = "[]";
    /// <summary>Lower-case hex SHA-256 of <see cref="ContentJson"/> (UTF-8).</summary>
    public required string Sha256 { get; set; }
    public DateTime GeneratedAt { get; set; }
    public required string GeneratedBy { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IReadOnlyList<PublicationRow> Rows() => JsonSerializer.Deserialize<List<PublicationRow>>(ContentJson, Json) ?? [];

    public static string Serialize(IReadOnlyList<PublicationRow> rows) => JsonSerializer.Serialize(rows, Json);
}

/// <summary>
/// One row of a publication: only what may be published (name, USCC, document number, facts, measures, dates, grade) —
/// never contacts, accounts or contract content.
/// </summary>
public sealed record PublicationRow(
    string SubjectKind, string Name, string? Uscc, string? Number, string Detail, DateOnly? From, DateOnly? Until, decimal? Score);
