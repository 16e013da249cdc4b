using System.CommandLine;
using System.Text.Json.Nodes;

namespace Lvyue.Cli.Tests.Review;

/// <summary><c>lvyue review DIR --json</c> on every core: the folder's order and the same reports as one file at a time.</summary>
public sealed class ReviewFolderTests
{
    private static string Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "corpus", "review", "documents");
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString());
    }

    /// <summary>The report without its timing (the only part that differs between two runs).</summary>
    private static string Stable(JsonNode report)
    {
        var o = report.AsObject();
        o.Remove("elapsedMs");
        o.Remove("file");
        return o.ToJsonString();
    }

    [Fact]
    public void A_folder_is_printed_in_its_order_with_the_reports_of_single_files_and_an_unreadable_file_in_its_place()
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-review-order-");
        try
        {
            // Long and short contracts interleaved, so the workers finish out of order.
            var sources = Directory.GetFiles(Corpus()).Order(StringComparer.Ordinal).Take(24).ToArray();
            for (var i = 0; i < sources.Length; i++)
                File.Copy(sources[i], Path.Combine(dir.FullName, $"{i:D2}-{Path.GetFileName(sources[i])}"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "12-broken.docx"), [0x50, 0x4B, 0x03, 0x04, 0x00]);
            var names = Directory.GetFiles(dir.FullName).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

            var (code, output) = Run("review", dir.FullName, "--json");
            Assert.Equal(1, code); // the broken file
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(names, lines.Select(l => l["file"]!.GetValue<string>()).ToList());
            var broken = lines.Single(l => l["file"]!.GetValue<string>() == "12-broken.docx");
            Assert.False(string.IsNullOrEmpty(broken["error"]?.GetValue<string>()));

            foreach (var line in lines.Where(l => l["file"]!.GetValue<string>() != "12-broken.docx"))
            {
                var (single, one) = Run("review", Path.Combine(dir.FullName, line["file"]!.GetValue<string>()), "--json");
                Assert.Equal(0, single);
                Assert.Equal(Stable(JsonNode.Parse(one)!), Stable(line));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
