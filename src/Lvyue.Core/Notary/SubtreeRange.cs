namespace Lvyue.Notary;

/// <summary>
/// The leaves [<see cref="Start"/>, <see cref="End"/>) of a log whose subtree hash is one element of a proof.
/// A log kept in storage answers a proof by hashing these ranges from its stored nodes.
/// </summary>
public readonly record struct SubtreeRange(ulong Start, ulong End)
{
    public ulong Count => End - Start;
}
