using System.CommandLine;

namespace Lvyue.Cli;

/// <summary>The <c>lvyue</c> command tree; each capability adds its own commands.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Lvyue (履约) — government contract performance supervision");
        CliHost.AddTo(root);
        root.Subcommands.Add(SeedCommands.Build());
        root.Subcommands.Add(ImportCommands.Build());
        root.Subcommands.Add(ExportCommands.Build());
        root.Subcommands.Add(TemplateCommands.Build());
        root.Subcommands.Add(DevCommands.Build());
        root.Subcommands.Add(NotaryCommands.Build());
        root.Subcommands.Add(SignCommands.Build());
        root.Subcommands.Add(ExtractCommands.Build());
        root.Subcommands.Add(EvalCommands.Build());
        root.Subcommands.Add(ReviewCommands.Build());
        root.Subcommands.Add(RulesCommands.Build());
        return root;
    }
}
