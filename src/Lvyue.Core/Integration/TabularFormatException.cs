using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>The file cannot be read as a table at all (not an .xlsx/.csv, no sheet, no header row).</summary>
public sealed class TabularFormatException(Msg message, Exception? inner = null) : Exception(message.En, inner)
{
    public Msg Msg { get; } = message;
}
