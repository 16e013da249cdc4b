using System.Threading.Channels;

namespace Lvyue.Integration;

/// <summary>
/// Reads a file's rows on a background task, a bounded number ahead of the consumer, so that
/// inflating and parsing the file runs on one core while the rows are checked on another.
/// A failure of the reader is rethrown to the consumer; stopping early stops the reader.
/// </summary>
public static class PrefetchedRows
{
    public static IEnumerable<TabularRow> Of(IEnumerable<TabularRow> rows, int capacity = 4096)
    {
        var channel = Channel.CreateBounded<TabularRow>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var row in rows) await channel.Writer.WriteAsync(row, stop.Token);
                channel.Writer.Complete();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        });
        try
        {
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var row)) yield return row;
            }
        }
        finally
        {
            stop.Cancel();
            producer.GetAwaiter().GetResult();
        }
    }
}
