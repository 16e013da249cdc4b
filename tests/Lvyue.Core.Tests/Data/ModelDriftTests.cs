using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Data;

/// <summary>
/// The schema the versioned scripts build must be the one EF Core derives from the model, so a model
/// change without a migration script fails here instead of in production.
/// </summary>
public sealed class ModelDriftTests
{
    /// <summary>What the scripts add beyond the model: the history table, the full-text index and its shadow tables.</summary>
    private static readonly string[] ScriptOnly =
    [
        "column __lvyue_schema.", "constraint __lvyue_schema.", "index __lvyue_schema.",
        "column ContractSearch", "index ContractSearch", "constraint ContractSearch",
        "index Contracts.IX_Contracts_SearchText_trgm ",
    ];

    [Theory, BothDatabases]
    public async Task MigrationScripts_BuildTheSchemaTheModelDescribes(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var s = fromModel.AsSystem())
        {
            await fromModel.ExecuteAsync(s.Db.Database.GenerateCreateScript());
        }

        var scripts = (await SchemaSnapshot.ReadAsync(migrated)).Where(l => !ScriptOnly.Any(l.StartsWith)).ToList();
        var model = await SchemaSnapshot.ReadAsync(fromModel);

        Assert.Contains(model, l => l.StartsWith("column Contracts.Amount ", StringComparison.Ordinal));
        var missing = model.Except(scripts).ToList();
        var extra = scripts.Except(model).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The migration scripts and the EF model disagree; add a script NNNN_name.sql for each provider." + Environment.NewLine +
            "In the model, not built by the scripts:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", missing) + Environment.NewLine +
            "Built by the scripts, not in the model:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", extra));
    }
}
