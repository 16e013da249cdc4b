namespace Lvyue.Review;

/// <summary>
/// Text produced by <see cref="TextNormalizer"/> together with the map from every normalized character back to the
/// characters of the source it came from, so that a value found in <see cref="Text"/> can be highlighted in the original.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal NormalizedText(string source, string text, int[] starts, int[] ends)
    {
        Source = source;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The text as it was given.</summary>
    public string Source { get; }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>Number of characters in <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>
    /// The source span (start inclusive, end exclusive) that produced the normalized character at <paramref name="index"/>:
    /// one character for a converted or kept character, the whole run for folded whitespace.
    /// </summary>
    public (int Start, int End) SourceSpanOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
        return (_starts[index], _ends[index]);
    }

    /// <summary>
    /// The source offset corresponding to normalized offset <paramref name="index"/> (0 ≤ index ≤ Length). The offset
    /// just past the end maps to the end of the last source character that produced text.
    /// </summary>
    public int ToSourceOffset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Text.Length);
        if (index < Text.Length) return _starts[index];
        return Text.Length == 0 ? 0 : _ends[^1];
    }

    /// <summary>
    /// The source span covering normalized span [<paramref name="start"/>, <paramref name="end"/>): from the source start
    /// of the first character to the source end of the last. An empty span maps to an empty span at its position.
    /// </summary>
    public (int Start, int End) ToSourceSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (start == end)
        {
            var at = ToSourceOffset(start);
            return (at, at);
        }
        return (_starts[start], _ends[end - 1]);
    }
}
