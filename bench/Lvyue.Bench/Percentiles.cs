using System.Diagnostics;

namespace Lvyue.Bench;

/// <summary>Times an async operation repeatedly (after warm-up) and reports p50/p95/max in milliseconds.</summary>
internal static class Percentiles
{
    public static async Task<(double P50, double P95, double Max)> MeasureAsync(Func<int, Task> op, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++) await op(i);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await op(i);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (At(times, 0.50), At(times, 0.95), times[^1]);
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
