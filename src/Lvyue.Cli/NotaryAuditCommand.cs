using System.CommandLine;
using System.Globalization;
using Lvyue.Notary;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue notary audit [--key PUBKEY …]</c>: recomputes the notarization log's tree from the stored leaves and
/// compares every stored subtree hash and checkpoint (and, given keys, each checkpoint's signatures). Prints every
/// problem with the leaf index, its event kind and contract, then a summary; exits 0 when the log is intact, 1 when not.
/// </summary>
public static class NotaryAuditCommand
{
    /// <summary>The <c>audit</c> subcommand of <c>lvyue notary</c>.</summary>
    public static Command Build()
    {
        var key = new Option<string[]>("--key")
        {
            Description = "A verifier key string or a PEM public key file to check checkpoint signatures with (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("audit", "Recompute the notarization log from its leaves and report any row changed behind the application's back") { key };
        command.SetAction((r, ct) => CliHost.RunAsync(r, ct, async sp =>
        {
            var output = r.InvocationConfiguration.Output;
            NoteVerifierSet? keys = null;
            var keyArgs = r.GetValue(key) ?? [];
            if (keyArgs.Length > 0)
            {
                var names = new List<string>();
                if (keyArgs.Any(File.Exists))
                {
                    var db = sp.GetRequiredService<Data.LvyueDbContext>();
                    names.AddRange(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.NotaryCheckpoints)
                        .Select(c => c.Note).AsEnumerable()
                        .SelectMany(n => SignedNote.TryParse(n, out var note, out _) ? note!.Signatures.Select(s => s.KeyName) : [])
                        .Distinct());
                }
                keys = NotaryKeyArguments.Load(keyArgs, names, out var reason);
                if (keys is null)
                {
                    output.WriteLine(reason);
                    return 1;
                }
            }
            var report = await sp.GetRequiredService<NotaryAudit>().RunAsync(keys, ct: ct);
            foreach (var p in report.Problems) output.WriteLine($"{p.Kind}: {p.Message}");
            if (report.ProblemCount > report.Problems.Count)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"… 另有 {report.ProblemCount - report.Problems.Count} 个问题未列出 / {report.ProblemCount - report.Problems.Count} more problems not listed"));
            var counts = string.Create(CultureInfo.InvariantCulture,
                $"{report.LeavesChecked} leaves, {report.NodesChecked} subtree hashes, {report.CheckpointsChecked} checkpoints");
            output.WriteLine(report.IsClean
                ? $"日志完整 / log intact: {counts} checked, no problem{(keys is null ? " (签名未检查 / signatures not checked: no --key)" : "")}"
                : string.Create(CultureInfo.InvariantCulture, $"日志已被篡改 / log tampered: {report.ProblemCount} problems in {counts}"));
            return report.IsClean ? 0 : 1;
        }));
        return command;
    }
}
