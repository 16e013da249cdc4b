using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lvyue.Data;

/// <summary>
/// Stores a decimal as an integer count of ten-thousandths on SQLite, so amounts sort, compare and
/// sum in SQL exactly (¥1.00 is 10000). Range: ±922 trillion yuan.
/// </summary>
public sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * Scale, MidpointRounding.AwayFromZero),
    v => v / Scale)
{
    public const decimal Scale = 10_000m;
}
