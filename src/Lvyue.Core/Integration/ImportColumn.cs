namespace Lvyue.Integration;

/// <summary>What kind of value a column holds: decides the cell format of the template.</summary>
public enum ImportCellKind { Text, Number, Date, YesNo }

/// <summary>
/// One column of an import template: its Chinese header (what the file must say; the English
/// header and the key are accepted too), whether it is required, and the help text of the
/// template's 填写说明 sheet.
/// </summary>
public sealed record ImportColumn(string Key, string Header, string HeaderEn, bool Required, string Help, string HelpEn, string Example)
{
    public ImportCellKind Kind { get; init; } = ImportCellKind.Text;

    /// <summary>Values offered as a drop-down list in the template (the import may accept synonyms too).</summary>
    public IReadOnlyList<string>? Choices { get; init; }
}
