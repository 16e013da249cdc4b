namespace Lvyue.Integration;

/// <summary>Progress of a long import: the phase (<c>validate</c> or <c>write</c>) and the rows done in it.</summary>
public sealed record ImportProgress(string Phase, int Rows);
