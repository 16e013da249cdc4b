using System.CommandLine;
using Lvyue.Notary;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue notary consistency OLD_CHECKPOINT NEW_CHECKPOINT --key PUBKEY [--key …] [--proof HEX,…]</c>: verifies both
/// signed checkpoints with the keys (verifier key strings or PEM public key files), then that the log only grew from
/// the old one to the new one. With <c>--proof</c> no database is used; without it the proof is read from the
/// database log (<c>--provider</c>/<c>--connection</c>). Prints <c>valid</c> and exits 0, or the reason and exits 1.
/// </summary>
public static class NotaryConsistencyCommand
{
    /// <summary>The <c>consistency</c> subcommand of <c>lvyue notary</c>.</summary>
    public static Command Build()
    {
        var oldFile = new Argument<string>("OLD_CHECKPOINT") { Description = "The older signed checkpoint file" };
        var newFile = new Argument<string>("NEW_CHECKPOINT") { Description = "The newer signed checkpoint file" };
        var key = new Option<string[]>("--key")
        {
            Description = "A verifier key string or a PEM public key file (repeat for several keys)",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var proof = new Option<string?>("--proof") { Description = "The consistency proof's hashes in hex, comma-separated (\"\" for none); without it the database log gives the proof" };
        var command = new Command("consistency", "Verify that a log only grew between two signed checkpoints: prints valid (exit 0) or the reason (exit 1)")
        {
            oldFile, newFile, key, proof,
        };
        command.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var checkpoints = Read(r.GetValue(oldFile)!, r.GetValue(newFile)!, r.GetValue(key) ?? [], out var reason);
            if (checkpoints is null)
            {
                output.WriteLine(reason);
                return 1;
            }
            var (c1, c2) = checkpoints.Value;
            var proofText = r.GetValue(proof);
            if (proofText is not null)
            {
                var verdict = AuditorCheck.Consistency(
                    c1.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c2.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToHexStringLower(c1.RootHash), Convert.ToHexStringLower(c2.RootHash), proofText);
                output.WriteLine(verdict.ToString());
                return verdict.IsValid ? 0 : 1;
            }
            return await CliHost.RunAsync(r, ct, async sp =>
            {
                var message = await FromLogAsync(sp.GetRequiredService<NotaryLog>(), c1, c2, ct);
                output.WriteLine(message);
                return message == "valid" ? 0 : 1;
            });
        });
        return command;
    }

    private static async Task<string> FromLogAsync(NotaryLog log, Checkpoint c1, Checkpoint c2, CancellationToken ct)
    {
        if (c1.TreeSize > c2.TreeSize)
            return $"the old checkpoint has {c1.TreeSize} leaves, more than the new one's {c2.TreeSize}: a log never shrinks";
        var size = await log.SizeAsync(ct);
        if (c2.TreeSize > (ulong)size)
            return $"the new checkpoint has {c2.TreeSize} leaves, but the database log has only {size}";
        if (c1.TreeSize == 0)
            return "the old checkpoint is of the empty tree: a proof from it proves nothing (size1 must be at least 1)";
        var proof = await log.ConsistencyProofAsync((long)c1.TreeSize, (long)c2.TreeSize, ct);
        return ConsistencyProof.Verify(c1.TreeSize, c2.TreeSize, c1.RootHash, c2.RootHash, proof).ToString();
    }

    // Both checkpoints, read and verified with the keys and of the same log; null with the reason otherwise.
    private static (Checkpoint Old, Checkpoint New)? Read(string oldPath, string newPath, IReadOnlyList<string> keys, out string reason)
    {
        var notes = new List<string>();
        foreach (var path in new[] { oldPath, newPath })
        {
            try
            {
                notes.Add(File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                reason = $"cannot read the checkpoint {path}: {e.Message}";
                return null;
            }
        }
        var names = notes.SelectMany(n => SignedNote.TryParse(n, out var note, out _) ? note!.Signatures.Select(s => s.KeyName) : [])
            .Distinct().ToList();
        var set = NotaryKeyArguments.Load(keys, names, out reason);
        if (set is null) return null;
        var parsed = new List<Checkpoint>();
        for (var i = 0; i < 2; i++)
        {
            var verdict = Checkpoint.Verify(notes[i], set, parsed.Count == 0 ? null : parsed[0].Origin, out var checkpoint);
            if (!verdict.IsValid)
            {
                reason = $"the {(i == 0 ? "old" : "new")} checkpoint does not verify: {verdict.Reason}";
                return null;
            }
            parsed.Add(checkpoint!);
        }
        reason = "valid";
        return (parsed[0], parsed[1]);
    }
}

/// <summary>
/// Reads <c>--key</c> values: a verifier key string, or a PEM public key file tried under each of the given key names
/// (a PEM key carries no name; the key ID binds name and key, so only the right name can match).
/// </summary>
public static class NotaryKeyArguments
{
    /// <summary>The verifier set of <paramref name="keys"/>, or null with the reason.</summary>
    public static NoteVerifierSet? Load(IReadOnlyList<string> keys, IReadOnlyList<string> names, out string reason)
    {
        var verifiers = new List<NoteVerifier>();
        foreach (var key in keys)
        {
            if (File.Exists(key))
            {
                string pem;
                try
                {
                    pem = File.ReadAllText(key);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    reason = $"cannot read the key file {key}: {e.Message}";
                    return null;
                }
                foreach (var name in names)
                {
                    try
                    {
                        verifiers.Add(NoteKeyFiles.ReadVerifier(name, pem));
                    }
                    catch (NoteKeyException e)
                    {
                        reason = $"the key file {key} is not a usable public key: {e.Message}";
                        return null;
                    }
                }
            }
            else
            {
                try
                {
                    verifiers.Add(NoteVerifier.Parse(key));
                }
                catch (NoteFormatException e)
                {
                    reason = $"the key \"{key}\" is neither an existing PEM file nor a verifier key: {e.Message}";
                    return null;
                }
            }
        }
        try
        {
            reason = "";
            return new NoteVerifierSet(verifiers.DistinctBy(v => (v.Name, v.KeyId)));
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
            return null;
        }
    }
}
