using System.Text;
using Lvyue.Review;
using Lvyue.Review.Clauses;

namespace Lvyue.Tests.Review.Clauses;

/// <summary>Reads the contract texts kept beside these tests, from the source tree (the folder holding Lvyue.slnx).</summary>
internal static class ClauseFixtures
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Lvyue.slnx not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir.FullName, "tests", "Lvyue.Core.Tests", "Review", "Clauses", "Fixtures");
    });

    public static string Raw(string name) => File.ReadAllText(Path.Combine(Folder.Value, name), Encoding.UTF8);

    public static string Normalized(string name) => TextNormalizer.NormalizeText(Raw(name));

    /// <summary>One line per clause: indentation by depth, then the heading.</summary>
    public static string Outline(ClauseDocument document)
    {
        var sb = new StringBuilder();
        foreach (var c in document.AllClauses())
            sb.Append(' ', 2 * c.Depth).Append(c.Heading).Append('\n');
        return sb.ToString();
    }

    /// <summary>One line per clause: the title and its type codes.</summary>
    public static string TypeOutline(IReadOnlyList<ClassifiedClause> clauses)
    {
        var sb = new StringBuilder();
        foreach (var c in clauses)
            sb.Append(' ', 2 * c.Clause.Depth).Append(c.Clause.Number).Append(' ').Append(c.Clause.Title)
                .Append(" => ").Append(string.Join(",", c.Codes)).Append('\n');
        return sb.ToString();
    }
}
