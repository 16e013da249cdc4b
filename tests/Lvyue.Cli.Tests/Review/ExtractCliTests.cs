using System.CommandLine;
using System.Text.Json;

namespace Lvyue.Cli.Tests.Review;

/// <summary>
/// <c>lvyue extract FILE [--json]</c> and <c>lvyue extract DIR --json</c>: the JSON object is an exact contract
/// other tools consume, so its keys and shapes are checked here, the command run in-process.
/// </summary>
public sealed class ExtractCliTests
{
    private static readonly string[] TopLevelKeys =
    [
        "title", "contractNumber", "category", "purchaser", "supplier", "amountTotal", "amountInWords", "taxRate",
        "signDate", "effectiveDate", "startDate", "endDate", "paymentSchedule", "performanceBondPercent",
        "performanceBondAmount", "retentionPercent", "warrantyMonths", "liquidatedDamagesRatePerDay",
        "disputeResolution", "disputeVenue", "deliveryDate", "deliveryPlace", "retentionMonths",
        "liquidatedDamagesCapPercent", "governingLaw", "consistency", "clauses", "spans", "elapsedMs",
    ];

    private static readonly string[] ConsistencyKeys =
    [
        "amountInWordsMatchesFigures", "installmentPercentSum", "installmentAmountSum", "installmentsMatchTotal",
        "datesInOrder", "purchaserNamedConsistently", "supplierNamedConsistently", "purchaserUsccValid", "supplierUsccValid",
    ];

    private static readonly string[] PartyKeys =
        ["name", "uscc", "legalRepresentative", "address", "contactName", "contactPhone", "contactEmail"];

    private static readonly string[] InstallmentKeys =
        ["sequence", "percent", "amount", "trigger", "daysAfterTrigger", "workingDays", "dueDate"];

    private static string FixtureFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "tests", "Lvyue.Core.Tests", "Review", "Clauses", "Fixtures");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Extract_json_prints_one_object_with_exactly_the_contract_keys_and_shapes()
    {
        var (code, output, error) = Run("extract", Path.Combine(FixtureFolder(), "goods-procurement.txt"), "--json");
        Assert.Equal((0, ""), (code, error));
        Assert.Single(output.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(TopLevelKeys, Keys(root));
        Assert.Equal(PartyKeys, Keys(root.GetProperty("purchaser")));
        Assert.Equal(PartyKeys, Keys(root.GetProperty("supplier")));
        Assert.Equal(ConsistencyKeys, Keys(root.GetProperty("consistency")));
        Assert.Equal(ConsistencyKeys, ExtractCommands.ConsistencyKeys);
        Assert.Equal(TopLevelKeys, ExtractCommands.Keys);
        Assert.Equal("goods", root.GetProperty("category").GetString());
        Assert.Equal(1200000.00m, root.GetProperty("amountTotal").GetDecimal());
        Assert.Equal("壹佰贰拾万元整", root.GetProperty("amountInWords").GetString());
        Assert.Equal(0.13m, root.GetProperty("taxRate").GetDecimal());
        Assert.Equal("2024-02-20", root.GetProperty("signDate").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("startDate").ValueKind);
        var first = root.GetProperty("paymentSchedule")[0];
        Assert.Equal(InstallmentKeys, Keys(first));
        Assert.Equal((1, 30m, 360000m, "signing", 10, true),
            (first.GetProperty("sequence").GetInt32(), first.GetProperty("percent").GetDecimal(), first.GetProperty("amount").GetDecimal(),
             first.GetProperty("trigger").GetString(), first.GetProperty("daysAfterTrigger").GetInt32(), first.GetProperty("workingDays").GetBoolean()));
        Assert.Equal(0.0005m, root.GetProperty("liquidatedDamagesRatePerDay").GetDecimal());
        Assert.Equal("arbitration", root.GetProperty("disputeResolution").GetString());
        var clause = root.GetProperty("clauses")[0];
        Assert.Equal(["start", "end", "heading", "types"], Keys(clause));
        var span = root.GetProperty("spans").GetProperty("amountTotal");
        Assert.Equal(2, span.GetArrayLength());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
    }

    [Fact]
    public void Extract_without_json_prints_a_chinese_summary()
    {
        var (code, output, _) = Run("extract", Path.Combine(FixtureFolder(), "it-operations.txt"));
        Assert.Equal(0, code);
        Assert.Contains("合同名称：信息系统运维服务合同", output);
        Assert.Contains("合同金额：600,000.00 元", output);
        Assert.Contains("第2期：40%", output);
        Assert.Contains("条件：合同签订", output);
    }

    [Fact]
    public void Extract_of_a_folder_prints_one_object_per_file_with_the_file_name_and_a_progress_bar()
    {
        var (code, output, error) = Run("extract", FixtureFolder(), "--json");
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        var files = lines.Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            Assert.Equal(["file", .. TopLevelKeys], Keys(doc.RootElement));
            return doc.RootElement.GetProperty("file").GetString();
        }).ToList();
        Assert.Equal(["construction-gf2017.txt", "goods-procurement.txt", "it-operations.txt", "property-services.txt"], files);
        Assert.Contains("4/4", error);
    }

    [Fact]
    public void Extract_of_a_folder_on_every_core_keeps_the_folder_order_and_reports_a_bad_file_in_its_place()
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-extract-order-");
        try
        {
            var sources = Directory.GetFiles(FixtureFolder(), "*.txt").Order(StringComparer.Ordinal).ToArray();
            var expected = new List<string>();
            for (var i = 0; i < 24; i++)
            {
                var name = $"{i:D3}.txt";
                if (i == 13) File.WriteAllBytes(Path.Combine(dir.FullName, name), []); // an empty file fails in the middle
                else File.Copy(sources[i % sources.Length], Path.Combine(dir.FullName, name));
                expected.Add(name);
            }
            var (code, output, error) = Run("extract", dir.FullName, "--json");
            Assert.Equal(1, code); // one file failed
            var lines = output.TrimEnd().Split('\n');
            var files = lines.Select(l => { using var doc = JsonDocument.Parse(l); return doc.RootElement.GetProperty("file").GetString()!; }).ToList();
            Assert.Equal(expected, files);
            using (var bad = JsonDocument.Parse(lines[13]))
                Assert.True(bad.RootElement.TryGetProperty("error", out _));
            using (var good = JsonDocument.Parse(lines[14]))
                Assert.False(good.RootElement.TryGetProperty("error", out _));
            Assert.Contains("24/24", error);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Extract_of_a_missing_file_fails_with_a_message()
    {
        var (code, output, error) = Run("extract", "/nonexistent/contract.txt", "--json");
        Assert.Equal((1, ""), (code, output));
        Assert.Contains("no such file", error);
    }
}
