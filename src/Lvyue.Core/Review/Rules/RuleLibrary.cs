using System.Security.Cryptography;
using System.Text;

namespace Lvyue.Review.Rules;

/// <summary>A rule file's path (relative, with '/') and its text.</summary>
/// <param name="Path">Where the file is, as errors report it (rules/compliance/performance-bond.yaml).</param>
/// <param name="Content">The YAML text.</param>
public sealed record RuleFile(string Path, string Content);

/// <summary>One example that does not behave as it says.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Example">The example.</param>
/// <param name="Reason">What happened instead.</param>
public sealed record ExampleFailure(ReviewRule Rule, RuleExample Example, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Rule.File}:{Example.Line}: {Reason}";
}

/// <summary>
/// Loads rule sets: the library embedded in the Core assembly (the repository's rules/ folder, so it works from any
/// working directory), a folder of YAML files, or files given as text. Loading parses every file, refuses unknown
/// fields, unsafe or invalid regular expressions and duplicate ids, compiles the literals into one automaton and, unless
/// told not to, runs every example: any error refuses the whole set with a <see cref="RuleLoadException"/> listing
/// each file, line and reason, so a running rule set is only ever replaced by one that loaded completely.
/// </summary>
public static class RuleLibrary
{
    private const string ResourcePrefix = "rules/";
    private static readonly Lazy<RuleSet> EmbeddedSet = new(() => Load(EmbeddedFiles(), checkExamples: false));

    /// <summary>
    /// The embedded library, loaded once per process. Its examples are run by the test suite and by
    /// <c>lvyue rules test</c>, not at every start.
    /// </summary>
    public static RuleSet Default => EmbeddedSet.Value;

    /// <summary>The rule files embedded in the Core assembly, by path.</summary>
    public static IReadOnlyList<RuleFile> EmbeddedFiles()
    {
        var asm = typeof(RuleLibrary).Assembly;
        var files = new List<RuleFile>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add(new RuleFile(name.Replace('\\', '/'), reader.ReadToEnd()));
        }
        return files;
    }

    /// <summary>The *.yaml files under <paramref name="folder"/> (recursively), with paths relative to it.</summary>
    public static IReadOnlyList<RuleFile> FolderFiles(string folder)
    {
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => new RuleFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f, Encoding.UTF8)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Loads a folder of rule files, running every example.</summary>
    public static RuleSet LoadFolder(string folder, bool checkExamples = true) => Load(FolderFiles(folder), checkExamples);

    /// <summary>
    /// Parses and compiles <paramref name="files"/>; with <paramref name="checkExamples"/>, every example must behave as
    /// it says. Throws <see cref="RuleLoadException"/> with every error found.
    /// </summary>
    public static RuleSet Load(IEnumerable<RuleFile> files, bool checkExamples = true)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var errors = new List<RuleLoadError>();
        var literals = new LiteralTable();
        var rules = new List<ReviewRule>();
        var seen = new Dictionary<string, ReviewRule>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            foreach (var rule in new RuleFileParser(f.Path, literals, errors).Parse(f.Content))
            {
                if (seen.TryGetValue(rule.Id, out var first))
                {
                    errors.Add(new RuleLoadError(f.Path, rule.Line, $"duplicate rule id {rule.Id} (first at {first.File}:{first.Line})"));
                    continue;
                }
                seen[rule.Id] = rule;
                rules.Add(rule);
            }
        }
        var set = new RuleSet(rules, new LiteralAutomaton(literals.Literals), Version(list));
        if (checkExamples && errors.Count == 0)
            foreach (var failure in RunExamples(set).Failures)
                errors.Add(new RuleLoadError(failure.Rule.File, failure.Example.Line, failure.Reason));
        if (errors.Count > 0)
            throw new RuleLoadException([.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)]);
        return set;
    }

    /// <summary>Runs every example of every rule of <paramref name="set"/>.</summary>
    public static (int Passed, IReadOnlyList<ExampleFailure> Failures) RunExamples(RuleSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var passed = 0;
        var failures = new List<ExampleFailure>();
        foreach (var rule in set.Rules)
            foreach (var example in rule.Examples)
            {
                string? reason;
                try
                {
                    var hits = set.Run(rule, example);
                    reason = example.MustTrigger == hits.Count > 0 ? null
                        : example.MustTrigger ? $"{rule.Id}: trigger example does not trigger the rule"
                        : $"{rule.Id}: pass example triggers the rule at \"{hits[0].Excerpt ?? hits[0].ClauseType}\"";
                }
                catch (Exception e) when (e is System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    reason = $"{rule.Id}: regex timed out on the example";
                }
                if (reason is null) passed++;
                else failures.Add(new ExampleFailure(rule, example, reason));
            }
        return (passed, failures);
    }

    /// <summary>The version of a set of rule files: SHA-256 over each path and content in path order, 16 hex digits.</summary>
    public static string Version(IEnumerable<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f.Path));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(f.Content.Replace("\r\n", "\n", StringComparison.Ordinal)));
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
