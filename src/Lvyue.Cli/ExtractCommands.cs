using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lvyue.Review.Extraction;
using Lvyue.Review.Ingestion;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue extract FILE [--json]</c> and <c>lvyue extract DIR --json</c>: a contract's ledger extracted from the
/// document, no database. The JSON object's keys and shapes are the exact contract of issue 3 (other tools consume
/// it); a folder gives one object per line with <c>"file"</c> added and a progress bar on standard error.
/// </summary>
public static class ExtractCommands
{
    /// <summary>The top-level keys of the JSON object, in the order printed.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "title", "contractNumber", "category", "purchaser", "supplier", "amountTotal", "amountInWords", "taxRate",
        "signDate", "effectiveDate", "startDate", "endDate", "paymentSchedule", "performanceBondPercent",
        "performanceBondAmount", "retentionPercent", "warrantyMonths", "liquidatedDamagesRatePerDay",
        "disputeResolution", "disputeVenue", "deliveryDate", "deliveryPlace", "retentionMonths",
        "liquidatedDamagesCapPercent", "governingLaw", "consistency", "clauses", "spans", "elapsedMs",
    ];

    /// <summary>The keys of the <c>consistency</c> object (facts for the rule engine), in the order printed.</summary>
    public static readonly IReadOnlyList<string> ConsistencyKeys =
    [
        "amountInWordsMatchesFigures", "installmentPercentSum", "installmentAmountSum", "installmentsMatchTotal",
        "datesInOrder", "purchaserNamedConsistently", "supplierNamedConsistently", "purchaserUsccValid", "supplierUsccValid",
    ];

    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "A contract (.txt, .docx, .pdf, .png, .jpg) or, with --json, a folder of them" };
        var json = new Option<bool>("--json") { Description = "Print the ledger as JSON (one object per line for a folder)" };
        var command = new Command("extract", "Extract a contract's ledger: parties, amount, dates, payment schedule, bond, warranty, damages, disputes")
        {
            path, json,
        };
        command.SetAction((r, ct) => RunAsync(r, r.GetValue(path)!, r.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult r, string path, bool json, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        var ingestor = new DocumentIngestor();
        if (Directory.Exists(path))
        {
            if (!json)
            {
                error.WriteLine("extract: a folder needs --json (one object per line) / 处理文件夹须加 --json");
                return 1;
            }
            var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToList();
            var failures = await ExtractFolderAsync(files, output, error, ct);
            error.WriteLine();
            return failures == 0 ? 0 : 1;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"extract: no such file or folder: {path} / 文件不存在");
            return 1;
        }
        try
        {
            var sw = Stopwatch.StartNew();
            var doc = await ingestor.IngestAsync(path, ct);
            var ledger = LedgerExtractor.Extract(doc);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            output.WriteLine(json ? Json(ledger, elapsed, null) : Summary(ledger, elapsed));
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine($"extract: {path}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Extracts the files on every core (one document per worker) and prints one line per file in the folder's order:
    /// a finished line waits only for the files before it. Returns the number of files that failed.
    /// </summary>
    private static async Task<int> ExtractFolderAsync(IReadOnlyList<string> files, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var lines = new string?[files.Count];
        var gate = new object();
        var next = 0;
        var done = 0;
        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            var file = files[i];
            string line;
            try
            {
                var sw = Stopwatch.StartNew();
                var doc = await new DocumentIngestor().IngestAsync(file, token);
                var ledger = LedgerExtractor.Extract(doc);
                line = Json(ledger, sw.Elapsed.TotalMilliseconds, Path.GetFileName(file));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref failures);
                line = ErrorJson(Path.GetFileName(file), e.Message);
            }
            lock (gate)
            {
                lines[i] = line;
                while (next < lines.Length && lines[next] is { } ready)
                {
                    output.WriteLine(ready);
                    lines[next++] = null;
                }
                Progress(error, ++done, files.Count);
            }
        });
        return failures;
    }

    private static void Progress(TextWriter error, int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total}");
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ErrorJson(string file, string message)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("error", message);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The ledger as the one-line JSON object of the extraction contract.</summary>
    public static string Json(LedgerExtraction x, double elapsedMs, string? file)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            if (file is not null) w.WriteString("file", file);
            Str(w, "title", x.Title);
            Str(w, "contractNumber", x.ContractNumber);
            Str(w, "category", x.Category);
            Party(w, "purchaser", x.Purchaser);
            Party(w, "supplier", x.Supplier);
            Num(w, "amountTotal", x.AmountTotal?.Value);
            Str(w, "amountInWords", x.AmountInWords);
            Num(w, "taxRate", x.TaxRate?.Value);
            Date(w, "signDate", x.SignDate?.Value);
            Date(w, "effectiveDate", x.EffectiveDate?.Value);
            Date(w, "startDate", x.StartDate?.Value);
            Date(w, "endDate", x.EndDate?.Value);
            w.WriteStartArray("paymentSchedule");
            foreach (var p in x.PaymentSchedule)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", p.Sequence);
                Num(w, "percent", p.Percent);
                Num(w, "amount", p.Amount);
                w.WriteString("trigger", p.Trigger);
                if (p.DaysAfterTrigger is { } d) w.WriteNumber("daysAfterTrigger", d); else w.WriteNull("daysAfterTrigger");
                if (p.WorkingDays is { } wd) w.WriteBoolean("workingDays", wd); else w.WriteNull("workingDays");
                Date(w, "dueDate", p.DueDate);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Num(w, "performanceBondPercent", x.PerformanceBondPercent?.Value);
            Num(w, "performanceBondAmount", x.PerformanceBondAmount?.Value);
            Num(w, "retentionPercent", x.RetentionPercent?.Value);
            if (x.WarrantyMonths is { } wm) w.WriteNumber("warrantyMonths", wm.Value); else w.WriteNull("warrantyMonths");
            Num(w, "liquidatedDamagesRatePerDay", x.LiquidatedDamagesRatePerDay?.Value);
            Str(w, "disputeResolution", x.DisputeResolution);
            Str(w, "disputeVenue", x.DisputeVenue);
            Date(w, "deliveryDate", x.DeliveryDate?.Value);
            Str(w, "deliveryPlace", x.DeliveryPlace);
            if (x.RetentionMonths is { } rm) w.WriteNumber("retentionMonths", rm.Value); else w.WriteNull("retentionMonths");
            Num(w, "liquidatedDamagesCapPercent", x.LiquidatedDamagesCapPercent?.Value);
            Str(w, "governingLaw", x.GoverningLaw);
            var facts = x.Consistency;
            w.WriteStartObject("consistency");
            Bool(w, "amountInWordsMatchesFigures", facts.AmountInWordsMatchesFigures);
            Num(w, "installmentPercentSum", facts.InstallmentPercentSum);
            Num(w, "installmentAmountSum", facts.InstallmentAmountSum);
            Bool(w, "installmentsMatchTotal", facts.InstallmentsMatchTotal);
            Bool(w, "datesInOrder", facts.DatesInOrder);
            Bool(w, "purchaserNamedConsistently", facts.PurchaserNamedConsistently);
            Bool(w, "supplierNamedConsistently", facts.SupplierNamedConsistently);
            Bool(w, "purchaserUsccValid", facts.PurchaserUsccValid);
            Bool(w, "supplierUsccValid", facts.SupplierUsccValid);
            w.WriteEndObject();
            w.WriteStartArray("clauses");
            foreach (var c in x.Clauses)
            {
                w.WriteStartObject();
                w.WriteNumber("start", c.Clause.Start);
                w.WriteNumber("end", c.Clause.End);
                w.WriteString("heading", c.Clause.Heading);
                w.WriteStartArray("types");
                foreach (var t in c.Codes) w.WriteStringValue(t);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("spans");
            foreach (var (name, (start, end)) in x.Spans())
            {
                w.WriteStartArray(name);
                w.WriteNumberValue(start);
                w.WriteNumberValue(end);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteNumber("elapsedMs", Math.Round(elapsedMs, 1));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Str(Utf8JsonWriter w, string name, Extracted<string>? f)
    {
        if (f is null) w.WriteNull(name); else w.WriteString(name, f.Value);
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? v)
    {
        if (v is { } b) w.WriteBoolean(name, b); else w.WriteNull(name);
    }

    private static void Num(Utf8JsonWriter w, string name, decimal? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v) w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull(name);
    }

    private static void Party(Utf8JsonWriter w, string name, ExtractedParty p)
    {
        w.WriteStartObject(name);
        Str(w, "name", p.Name);
        Str(w, "uscc", p.Uscc);
        Str(w, "legalRepresentative", p.LegalRepresentative);
        Str(w, "address", p.Address);
        Str(w, "contactName", p.ContactName);
        Str(w, "contactPhone", p.ContactPhone);
        Str(w, "contactEmail", p.ContactEmail);
        w.WriteEndObject();
    }

    private static string TriggerName(string trigger) => trigger switch
    {
        PaymentTriggers.Signing => "合同签订",
        PaymentTriggers.Delivery => "交货",
        PaymentTriggers.Acceptance => "验收合格",
        PaymentTriggers.Invoice => "收到发票",
        PaymentTriggers.Date => "约定日期",
        PaymentTriggers.Period => "按期（周期）",
        PaymentTriggers.WarrantyEnd => "质保期满",
        _ => "其他",
    };

    /// <summary>A readable Chinese summary of the ledger.</summary>
    public static string Summary(LedgerExtraction x, double elapsedMs)
    {
        var sb = new StringBuilder();
        string S<T>(Extracted<T>? f, Func<T, string>? format = null) =>
            f is null ? "（未识别）" : $"{(format is null ? f.Value?.ToString() : format(f.Value))}  [置信度 {f.Confidence:0.00}，位置 {f.Start}-{f.End}]";
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string M(decimal d) => d.ToString("#,0.00", CultureInfo.InvariantCulture) + " 元";
        string P(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture) + "%";
        sb.AppendLine($"合同名称：{S(x.Title)}");
        sb.AppendLine($"合同编号：{S(x.ContractNumber)}");
        sb.AppendLine($"合同类别：{S(x.Category, c => c switch { "works" => "工程", "goods" => "货物", _ => "服务" })}");
        foreach (var (label, p) in new[] { ("采购人", x.Purchaser), ("供应商", x.Supplier) })
        {
            sb.AppendLine($"{label}：{S(p.Name)}");
            sb.AppendLine($"  统一社会信用代码：{S(p.Uscc)}");
            sb.AppendLine($"  法定代表人：{S(p.LegalRepresentative)}");
            sb.AppendLine($"  地址：{S(p.Address)}");
            sb.AppendLine($"  联系人：{S(p.ContactName)}　电话：{S(p.ContactPhone)}　邮箱：{S(p.ContactEmail)}");
            sb.AppendLine($"  开户银行：{S(p.BankName)}　账号：{S(p.BankAccount)}");
        }
        sb.AppendLine($"合同金额：{S(x.AmountTotal, M)}");
        sb.AppendLine($"大写金额：{S(x.AmountInWords)}");
        sb.AppendLine($"是否含税：{S(x.TaxInclusive, b => b ? "含税" : "不含税")}　税率：{S(x.TaxRate, t => P(t * 100))}");
        sb.AppendLine($"签订日期：{S(x.SignDate, D)}");
        sb.AppendLine($"生效日期：{S(x.EffectiveDate, D)}");
        sb.AppendLine($"开始日期：{S(x.StartDate, D)}");
        sb.AppendLine($"结束日期：{S(x.EndDate, D)}");
        sb.AppendLine($"付款计划：{(x.PaymentSchedule.Count == 0 ? "（未识别）" : $"{x.PaymentSchedule.Count} 期")}");
        foreach (var p in x.PaymentSchedule)
        {
            var days = p.DaysAfterTrigger is { } d ? $"，{d} 个{(p.WorkingDays == true ? "工作日" : "日历日")}内" : "";
            sb.AppendLine($"  第{p.Sequence}期：{(p.Percent is { } pc ? P(pc) : "比例未定")}，{(p.Amount is { } a ? M(a) : "金额未定")}，条件：{TriggerName(p.Trigger)}{days}");
        }
        sb.AppendLine($"履约保证金：{(x.PerformanceBondPercent is not null ? S(x.PerformanceBondPercent, P) : S(x.PerformanceBondAmount, M))}");
        sb.AppendLine($"质量保证金：{S(x.RetentionPercent, P)}");
        sb.AppendLine($"质保期：{S(x.WarrantyMonths, m => m + " 个月")}");
        sb.AppendLine($"逾期违约金（每日）：{S(x.LiquidatedDamagesRatePerDay, r => r.ToString("0.######", CultureInfo.InvariantCulture))}");
        sb.AppendLine($"争议解决：{S(x.DisputeResolution, d => d == "arbitration" ? "仲裁" : "诉讼")}　{S(x.DisputeVenue)}");
        sb.AppendLine($"条款：{x.Clauses.Count} 条");
        sb.Append($"用时：{elapsedMs.ToString("0.0", CultureInfo.InvariantCulture)} ms");
        return sb.ToString();
    }
}
