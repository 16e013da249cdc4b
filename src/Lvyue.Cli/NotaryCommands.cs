using System.CommandLine;
using Lvyue.Notary;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue notary …</c>: the notarization log's commands. The auditor verifiers <c>check-inclusion</c>
/// and <c>check-consistency</c> need no database: each prints <c>valid</c> and exits 0, or prints the
/// reason the proof fails and exits 1 (a missing or unknown option is a usage error, also exit 1).
/// </summary>
public static class NotaryCommands
{
    public static Command Build()
    {
        var notary = new Command("notary", "The notarization log (RFC 9162 Merkle tree) and its proofs");
        notary.Subcommands.Add(CheckInclusion());
        notary.Subcommands.Add(CheckConsistency());
        notary.Subcommands.Add(NotaryVerifyCommand.Build());
        notary.Subcommands.Add(NotaryKeygenCommand.Build());
        notary.Subcommands.Add(NotaryConsistencyCommand.Build());
        notary.Subcommands.Add(NotaryAuditCommand.Build());
        return notary;
    }

    private static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    private static Command CheckInclusion()
    {
        var leafHash = Required("--leaf-hash", "The leaf's hash, SHA-256(0x00‖leaf), in hex");
        var index = Required("--index", "The leaf's 0-based index in the tree");
        var size = Required("--size", "The tree size (number of leaves)");
        var root = Required("--root", "The tree's root hash in hex");
        var proof = Required("--proof", "The proof's hashes in hex, comma-separated, leaf end first (\"\" for none)");
        var command = new Command("check-inclusion", "Verify an inclusion proof offline: prints valid (exit 0) or the reason (exit 1)")
        {
            leafHash, index, size, root, proof,
        };
        command.SetAction(r => Report(r, AuditorCheck.Inclusion(
            r.GetValue(leafHash), r.GetValue(index), r.GetValue(size), r.GetValue(root), r.GetValue(proof))));
        return command;
    }

    private static Command CheckConsistency()
    {
        var size1 = Required("--size1", "The old tree size");
        var size2 = Required("--size2", "The new tree size");
        var root1 = Required("--root1", "The old tree's root hash in hex");
        var root2 = Required("--root2", "The new tree's root hash in hex");
        var proof = Required("--proof", "The proof's hashes in hex, comma-separated (\"\" for none)");
        var command = new Command("check-consistency", "Verify a consistency proof offline: prints valid (exit 0) or the reason (exit 1)")
        {
            size1, size2, root1, root2, proof,
        };
        command.SetAction(r => Report(r, AuditorCheck.Consistency(
            r.GetValue(size1), r.GetValue(size2), r.GetValue(root1), r.GetValue(root2), r.GetValue(proof))));
        return command;
    }

    private static int Report(ParseResult r, ProofVerdict verdict)
    {
        r.InvocationConfiguration.Output.WriteLine(verdict.ToString());
        return verdict.IsValid ? 0 : 1;
    }
}
