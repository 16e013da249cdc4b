using System.Globalization;
using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>
/// Reads the typed cells of one row, recording a problem (row, column header, zh/en reason) for each
/// cell that is missing or does not parse. Importers check <see cref="HasErrors"/> after reading.
/// </summary>
public sealed class ImportRow(ImportSheet sheet, ImportProblems problems, TabularRow row)
{
    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:m:s", "yyyy/M/d H:m:s", "yyyy-M-d H:m"];

    public int Number => row.RowNumber;
    public int Errors { get; private set; }
    public bool HasErrors => Errors > 0;

    /// <summary>True when a problem was already recorded for <paramref name="column"/> in this row.</summary>
    public bool Failed(ImportColumn column) => _failed?.Contains(column.Key) == true;

    private HashSet<string>? _failed;

    public void Fail(ImportColumn column, string zh, string en) => Fail(column, new Msg(zh, en));

    public void Fail(ImportColumn column, Msg msg)
    {
        Errors++;
        (_failed ??= []).Add(column.Key);
        problems.Add(row.RowNumber, column.Header, msg);
    }

    /// <summary>The text of a cell; a problem if required and empty, or longer than <paramref name="maxLength"/>.</summary>
    public string? Text(ImportColumn c, int maxLength = 0)
    {
        var v = sheet.Text(row, c);
        if (v is null)
        {
            if (c.Required) Fail(c, $"“{c.Header}”不能为空", $"'{c.HeaderEn}' is required");
            return null;
        }
        if (maxLength > 0 && v.Length > maxLength)
        {
            Fail(c, $"“{c.Header}”不能超过{maxLength}个字符", $"'{c.HeaderEn}' may not exceed {maxLength} characters");
            return null;
        }
        return v;
    }

    /// <summary>An amount in yuan: thousands separators, ¥ and a trailing 元 are allowed; 万元 is refused as ambiguous.</summary>
    public decimal? Decimal(ImportColumn c)
    {
        var v = Text(c);
        if (v is null) return null;
        if (v.Contains('万') || v.Contains('亿'))
        {
            Fail(c, $"“{c.Header}”请以元为单位填写数字（不要写“万元”）", $"'{c.HeaderEn}' must be a number in yuan (not in 10,000s)");
            return null;
        }
        var clean = v.Replace(",", "").Replace("，", "").Replace("¥", "").Replace("￥", "").Replace("元", "").Replace("%", "").Trim();
        if (decimal.TryParse(clean, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)) return d;
        Fail(c, $"“{c.Header}”应为数字，实为“{v}”", $"'{c.HeaderEn}' must be a number, not '{v}'");
        return null;
    }

    /// <summary>A date as yyyy-MM-dd (also yyyy/M/d, yyyy年M月d日, yyyyMMdd, or an Excel date serial).</summary>
    public DateOnly? Date(ImportColumn c)
    {
        var v = Text(c);
        if (v is null) return null;
        if (DateTime.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is >= 20000 and <= 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        Fail(c, $"“{c.Header}”应为日期（yyyy-MM-dd），实为“{v}”", $"'{c.HeaderEn}' must be a date (yyyy-MM-dd), not '{v}'");
        return null;
    }

    /// <summary>A whole number such as a year.</summary>
    public int? Integer(ImportColumn c)
    {
        var v = Text(c);
        if (v is null) return null;
        if (int.TryParse(v.Replace("年", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is > int.MinValue and < int.MaxValue)
            return (int)d;
        Fail(c, $"“{c.Header}”应为整数，实为“{v}”", $"'{c.HeaderEn}' must be a whole number, not '{v}'");
        return null;
    }

    /// <summary>是/否 (also Y/N, yes/no, true/false, 1/0); empty is <paramref name="empty"/>.</summary>
    public bool YesNo(ImportColumn c, bool empty = false)
    {
        var v = Text(c);
        if (v is null) return empty;
        switch (v.ToLowerInvariant())
        {
            case "是" or "y" or "yes" or "true" or "1" or "√": return true;
            case "否" or "n" or "no" or "false" or "0" or "×": return false;
            default:
                Fail(c, $"“{c.Header}”应填“是”或“否”，实为“{v}”", $"'{c.HeaderEn}' must be 是 (yes) or 否 (no), not '{v}'");
                return empty;
        }
    }

    /// <summary>An enum by its Chinese or English label or code name.</summary>
    public T? Choice<T>(ImportColumn c, IReadOnlyDictionary<T, (string Zh, string En)> labels) where T : struct, Enum
    {
        var v = Text(c);
        if (v is null) return null;
        if (Contracts.Labels.TryParse(labels, v, out var value)) return value;
        Fail(c, $"“{c.Header}”的值“{v}”无效，可选：{string.Join("、", labels.Values.Select(l => l.Zh))}",
            $"'{v}' is not a valid {c.HeaderEn}; valid values: {string.Join(", ", labels.Values.Select(l => l.En))}");
        return null;
    }

    /// <summary>Splits a list cell on ；, ;, 、, commas or line breaks.</summary>
    public static IReadOnlyList<string> SplitList(string? v) =>
        v is null ? [] : v.Split([';', '；', '、', ',', '，', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
