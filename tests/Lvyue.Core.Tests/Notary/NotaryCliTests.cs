using System.Reflection;
using System.Runtime.Loader;
using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>
/// <c>lvyue notary check-inclusion</c> and <c>check-consistency</c> run in-process: the command tree of the
/// built command line (src/Lvyue.Cli, same configuration as these tests; the test run builds the whole
/// solution first) is loaded, parsed and invoked with its output captured. This project does not
/// reference the command line, so the tree is reached by reflection.
/// </summary>
public sealed class NotaryCliTests
{
    private static readonly List<byte[]> Leaves = Enumerable.Range(0, 8).Select(i => MerkleHash.Leaf([(byte)i])).ToList();
    private static readonly string Root8 = Hex(MerkleHash.Root(Leaves));
    private static readonly string Root5 = Hex(MerkleHash.Root(Leaves.Take(5).ToList()));

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    private static readonly Lazy<Assembly> Cli = new(LoadCli);

    private static Assembly LoadCli()
    {
        // BaseDirectory is tests/Lvyue.Core.Tests/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var path = Path.Combine(MerkleVectors.RepositoryRoot, "src", "Lvyue.Cli", "bin", configuration, framework.Name, "lvyue.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The command line is not built: looked for {path} (dotnet build src/Lvyue.Cli -c {configuration})", path);
        return new CliLoadContext(path).LoadFromAssemblyPath(path);
    }

    /// <summary>Loads the command line with its own dependencies (System.CommandLine, its copy of Lvyue.Core).</summary>
    private sealed class CliLoadContext(string mainAssembly) : AssemblyLoadContext("lvyue-cli")
    {
        private readonly AssemblyDependencyResolver resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName name) =>
            resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>Runs <c>lvyue</c> with <paramref name="args"/>: CliApp.Build().Parse(args).Invoke(output and error captured).</summary>
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = Cli.Value.GetType("Lvyue.Cli.CliApp", throwOnError: true)!.GetMethod("Build")!.Invoke(null, null)!;
        var library = root.GetType().Assembly;
        var parserConfiguration = library.GetType("System.CommandLine.ParserConfiguration", throwOnError: true)!;
        var invocationConfiguration = library.GetType("System.CommandLine.InvocationConfiguration", throwOnError: true)!;
        var parse = root.GetType().GetMethod("Parse", [typeof(IReadOnlyList<string>), parserConfiguration])!;
        var result = parse.Invoke(root, [args, null])!;
        var output = new StringWriter();
        var error = new StringWriter();
        var config = Activator.CreateInstance(invocationConfiguration)!;
        invocationConfiguration.GetProperty("Output")!.SetValue(config, output);
        invocationConfiguration.GetProperty("Error")!.SetValue(config, error);
        var code = (int)result.GetType().GetMethod("Invoke", [invocationConfiguration])!.Invoke(result, [config])!;
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
