using Lvyue.Integration;

namespace Lvyue.Cli;

/// <summary>Prints an import's outcome in Chinese and English: the counts, or every problem with row and column.</summary>
public static class ReportPrinter
{
    public static int Print(ImportResult result, TextWriter output, TextWriter errors)
    {
        if (result.Succeeded)
        {
            var rate = result.Elapsed.TotalSeconds > 0 ? result.Rows / result.Elapsed.TotalSeconds : 0;
            output.WriteLine($"导入成功：{result.Rows} 行，新增 {result.Inserted}，更新 {result.Updated}，用时 {result.Elapsed.TotalSeconds:0.00} 秒（{rate:N0} 行/秒）");
            output.WriteLine($"Imported: {result.Rows} rows, {result.Inserted} inserted, {result.Updated} updated in {result.Elapsed.TotalSeconds:0.00} s ({rate:N0} rows/s)");
            return 0;
        }
        errors.WriteLine($"导入失败，未导入任何数据：共 {result.Rows} 行数据，发现 {result.ProblemCount} 个问题");
        errors.WriteLine($"Import refused, nothing was imported: {result.Rows} data rows, {result.ProblemCount} problems");
        foreach (var p in result.Problems) errors.WriteLine("  " + p);
        if (result.ProblemCount > result.Problems.Count)
            errors.WriteLine($"  ……另有 {result.ProblemCount - result.Problems.Count} 个问题未列出 / {result.ProblemCount - result.Problems.Count} more not listed");
        return 1;
    }
}
