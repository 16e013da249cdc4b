namespace Lvyue.Review.Rules;

/// <summary>One reason a rule file was refused, with where it is.</summary>
/// <param name="File">The rule file (as given to the loader).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Reason">What is wrong, in English with the Chinese term where it helps.</param>
public sealed record RuleLoadError(string File, int Line, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>A rule set was refused: every error found, each with its file and line. Nothing of it was loaded.</summary>
public sealed class RuleLoadException(IReadOnlyList<RuleLoadError> errors)
    : Exception($"The rule set was refused ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):\n" + string.Join("\n", errors))
{
    /// <summary>The errors, in file and line order.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; } = errors;
}
