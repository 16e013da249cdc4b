using Lvyue.Bench;

// Stopwatch harness for the database figures of bench/README.md:
//   queries            --provider sqlite|postgres --connection CS [--iterations 100]
//   make-import-file   --rows N --out FILE(.xlsx|.csv)
//   import             --provider sqlite|postgres --connection CS --file FILE
var command = args.FirstOrDefault() ?? "";
switch (command)
{
    case "queries":
        await QueryBench.RunAsync(BenchHost.Arg(args, "--provider"), BenchHost.Arg(args, "--connection"),
            int.Parse(BenchHost.Arg(args, "--iterations", "100")));
        return 0;
    case "make-import-file":
        ImportBench.MakeFile(int.Parse(BenchHost.Arg(args, "--rows")), BenchHost.Arg(args, "--out"));
        return 0;
    case "payments":
        return await PaymentBench.RunAsync(args);
    case "import":
        await ImportBench.RunAsync(BenchHost.Arg(args, "--provider"), BenchHost.Arg(args, "--connection"), BenchHost.Arg(args, "--file"));
        return 0;
    case "extraction":
        return await ExtractionBench.RunAsync(args);
    case "sign":
        return SignatureBench.Run(args);
    case "notary":
        return await NotaryBench.RunAsync(args);
    case "evaluation":
        return await EvaluationBench.RunAsync(args);
    case "overdue":
        return await OverdueBench.RunAsync(args);
    case "read-file":
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await using var src = await Lvyue.Integration.ImportSource.OpenAsync(File.OpenRead(BenchHost.Arg(args, "--file")), BenchHost.Arg(args, "--file"));
            var opened = sw.Elapsed.TotalSeconds;
            using var reader = src.Open();
            var n = reader.Rows().Count();
            Console.WriteLine($"read {n:N0} rows in {sw.Elapsed.TotalSeconds:0.00} s (open+hash {opened:0.00} s)");
            return 0;
        }
    default:
        Console.Error.WriteLine("usage: Lvyue.Bench queries|make-import-file|import … (see bench/README.md)");
        return 2;
}
