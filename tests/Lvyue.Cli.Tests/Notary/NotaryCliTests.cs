using System.CommandLine;
using Lvyue.Notary;

namespace Lvyue.Cli.Tests.Notary;

/// <summary>
/// <c>lvyue notary check-inclusion</c> and <c>check-consistency</c>, the auditors' exact interface: the
/// command tree is parsed and invoked in-process with its output captured.
/// </summary>
public sealed class NotaryCliTests
{
    private static readonly List<byte[]> Leaves = Enumerable.Range(0, 8).Select(i => MerkleHash.Leaf([(byte)i])).ToList();
    private static readonly string Root8 = Hex(MerkleHash.Root(Leaves));
    private static readonly string Root5 = Hex(MerkleHash.Root(Leaves.Take(5).ToList()));

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    /// <summary>Runs <c>lvyue</c> with <paramref name="args"/> in-process, output and error captured.</summary>
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void CheckInclusion_PrintsValidAndExitsZeroForAGoodProof()
    {
        var proof = string.Join(",", InclusionProof.Generate(Leaves, 5).Select(Hex));
        var (code, output, error) = Run("notary", "check-inclusion", "--leaf-hash", Hex(Leaves[5]), "--index", "5", "--size", "8", "--root", Root8, "--proof", proof);
        Assert.Equal((0, "valid", ""), (code, output.TrimEnd(), error));
    }

    [Fact]
    public void CheckInclusion_PrintsTheReasonAndExitsOneForABadProof()
    {
        var proof = string.Join(",", InclusionProof.Generate(Leaves, 5).Select(Hex));
        var (code, output, _) = Run("notary", "check-inclusion", "--leaf-hash", Hex(Leaves[5]), "--index", "4", "--size", "8", "--root", Root8, "--proof", proof);
        Assert.Equal(1, code);
        Assert.StartsWith("the proof leads to the root ", output);
        Assert.Single(output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void CheckInclusion_AcceptsAnEmptyProofForATreeOfOneLeaf()
    {
        var (code, output, _) = Run("notary", "check-inclusion", "--leaf-hash", Hex(Leaves[0]), "--index", "0", "--size", "1", "--root", Hex(Leaves[0]), "--proof", "");
        Assert.Equal((0, "valid"), (code, output.TrimEnd()));
    }

    [Fact]
    public void CheckConsistency_PrintsValidAndExitsZeroForAGoodProof()
    {
        var proof = string.Join(",", ConsistencyProof.Generate(Leaves, 5).Select(Hex));
        var (code, output, error) = Run("notary", "check-consistency", "--size1", "5", "--size2", "8", "--root1", Root5, "--root2", Root8, "--proof", proof);
        Assert.Equal((0, "valid", ""), (code, output.TrimEnd(), error));
    }

    [Fact]
    public void CheckConsistency_PrintsTheReasonAndExitsOneForABadProof()
    {
        var (code, output, _) = Run("notary", "check-consistency", "--size1", "5", "--size2", "8", "--root1", Root5, "--root2", Root8, "--proof", "");
        Assert.Equal((1, "the proof has 0 hashes; the consistency proof from size 5 to size 8 has 4"), (code, output.TrimEnd()));
    }

    [Fact]
    public void CheckConsistency_AMissingOptionIsAUsageErrorWithExitCodeOne()
    {
        var (code, output, error) = Run("notary", "check-consistency", "--size1", "5", "--size2", "8", "--root1", Root5, "--root2", Root8);
        Assert.Equal(1, code);
        Assert.DoesNotContain("valid", output.Split('\n').Select(line => line.Trim()));
        Assert.Contains("--proof", error);
    }
}
