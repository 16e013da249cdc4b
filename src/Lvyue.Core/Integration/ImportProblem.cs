using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>
/// One problem of an import: the row as the spreadsheet shows it and the column header (both null
/// for a problem of the whole file), with the reason in Chinese and English.
/// </summary>
public sealed record ImportProblem(int? Row, string? Column, Msg Message)
{
    public override string ToString() =>
        (Row is { } r ? $"第{r}行 / row {r}" : "文件 / file") + (Column is null ? "" : $"，{Column}") + $"：{Message.Zh} / {Message.En}";
}

/// <summary>The outcome of an all-or-nothing import: either every row was written or none, with the problems found.</summary>
public sealed record ImportResult
{
    /// <summary>What was imported, e.g. <c>contracts</c>.</summary>
    public required string What { get; init; }
    /// <summary>Data rows read from the file.</summary>
    public int Rows { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    /// <summary>The first problems found (at most <see cref="ImportProblems.MaxListed"/>).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];
    /// <summary>How many problems there were in all.</summary>
    public int ProblemCount { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => ProblemCount == 0;
}

/// <summary>Collects problems, keeping the first <see cref="MaxListed"/> and counting the rest.</summary>
public sealed class ImportProblems
{
    public const int MaxListed = 1000;
    private readonly List<ImportProblem> _list = [];

    public int Count { get; private set; }
    public bool Any => Count > 0;
    public IReadOnlyList<ImportProblem> Listed => _list;

    public void Add(int? row, string? column, Msg message)
    {
        Count++;
        if (_list.Count < MaxListed) _list.Add(new ImportProblem(row, column, message));
    }

    public void Add(int? row, string? column, string zh, string en) => Add(row, column, new Msg(zh, en));

    public ImportResult ToResult(string what, int rows, TimeSpan elapsed) =>
        new() { What = what, Rows = rows, Problems = _list.ToList(), ProblemCount = Count, Elapsed = elapsed };
}
