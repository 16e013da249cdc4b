using System.CommandLine;

namespace Lvyue.Cli;

/// <summary>The <c>lvyue</c> command tree; each capability adds its own commands.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Lvyue (履约) — government contract performance supervision");
        root.Subcommands.Add(DevCommands.Build());
        return root;
    }
}
