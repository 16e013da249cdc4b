namespace Lvyue.Review.Clauses;

/// <summary>How a clause heading is numbered; the order of first appearance in a document decides nesting.</summary>
public enum NumberingStyle
{
    /// <summary>A line of a few Chinese characters with no number, followed by a numbered heading (合同协议书, 通用合同条款).</summary>
    HeadingLine,

    /// <summary>第一部分, 第1部分.</summary>
    Part,

    /// <summary>第一章, 第1章.</summary>
    Chapter,

    /// <summary>第一节, 第1节.</summary>
    Section,

    /// <summary>第一条, 第1条.</summary>
    Article,

    /// <summary>一、 二、 (a Chinese numeral and the enumeration comma).</summary>
    ChineseEnumeration,

    /// <summary>（一） (一) (a Chinese numeral in parentheses).</summary>
    ParenthesizedChinese,

    /// <summary>1. 1、 ⒈ 1.1 1.1.1 (see <see cref="Clause.Level"/> for the number of components).</summary>
    Decimal,

    /// <summary>1) 1）.</summary>
    ArabicParenthesis,

    /// <summary>（1） (1) ⑴.</summary>
    ParenthesizedArabic,

    /// <summary>① ② ③ … ⑳.</summary>
    Circled,
}

/// <summary>
/// One clause of a contract: its heading line and the text up to the next heading of the same or a higher level.
/// Offsets are into the text given to <see cref="ClauseSegmenter"/>; <see cref="End"/> is exclusive.
/// </summary>
public sealed class Clause
{
    private readonly List<Clause> _children = [];

    internal Clause(int start, int headingEnd, int numberStart, int numberEnd, int titleStart, int titleEnd,
        NumberingStyle style, int level, string number, string heading, string title)
    {
        Start = start;
        HeadingEnd = headingEnd;
        NumberStart = numberStart;
        NumberEnd = numberEnd;
        TitleStart = titleStart;
        TitleEnd = titleEnd;
        Style = style;
        Level = level;
        Number = number;
        Heading = heading;
        Title = title;
    }

    /// <summary>Start of the line that carries the heading.</summary>
    public int Start { get; }

    /// <summary>End (exclusive) of the clause, children included: the start of the next clause that is not inside it.</summary>
    public int End { get; internal set; }

    /// <summary>End (exclusive) of the heading line, before its line break.</summary>
    public int HeadingEnd { get; }

    /// <summary>Span of the number (第五条, (一), 1.1.1, ①); empty for a <see cref="NumberingStyle.HeadingLine"/>.</summary>
    public int NumberStart { get; }

    /// <inheritdoc cref="NumberStart"/>
    public int NumberEnd { get; }

    /// <summary>Span of <see cref="Title"/>.</summary>
    public int TitleStart { get; }

    /// <inheritdoc cref="TitleStart"/>
    public int TitleEnd { get; }

    /// <summary>The numbering style of the heading.</summary>
    public NumberingStyle Style { get; }

    /// <summary>Number of components of a <see cref="NumberingStyle.Decimal"/> number (1.1.1 is 3); 1 for other styles.</summary>
    public int Level { get; }

    /// <summary>The number as written (第五条, (一), 1.1.1, ①); empty for a heading line.</summary>
    public string Number { get; }

    /// <summary>The heading line up to its first full stop 。 (at most 80 characters): 第五条 付款方式.</summary>
    public string Heading { get; }

    /// <summary>
    /// The words after the number up to the first colon, comma, semicolon or full stop (付款方式 in 第五条 付款方式:…);
    /// the classifier reads it as a heading when it is short.
    /// </summary>
    public string Title { get; }

    /// <summary>
    /// Whether <see cref="Title"/> reads as a heading: at most 20 characters and either the whole rest of the heading
    /// line (第五条 付款方式), a label before a colon ((一)交货时间:…) or, after 部分/章/节/条, the words before a space
    /// (第五条 付款方式 合同签订后…); not the first phrase of a sentence ((一)合同签订后10日内,…).
    /// </summary>
    public bool HasHeadingTitle { get; internal set; }

    /// <summary>The enclosing clause, or null for a top-level clause.</summary>
    public Clause? Parent { get; internal set; }

    /// <summary>Nesting depth: 0 for a top-level clause.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The clauses inside this one, in document order; their spans tile [<see cref="OwnEnd"/>, <see cref="End"/>).</summary>
    public IReadOnlyList<Clause> Children => _children;

    /// <summary>End (exclusive) of the clause's own text: the start of its first child, or <see cref="End"/>.</summary>
    public int OwnEnd => _children.Count > 0 ? _children[0].Start : End;

    internal void AddChild(Clause child)
    {
        child.Parent = this;
        _children.Add(child);
    }

    /// <summary>This clause and every clause inside it, in document order.</summary>
    public IEnumerable<Clause> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in _children)
            foreach (var c in child.DescendantsAndSelf())
                yield return c;
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{Start},{End}) {Heading}";
}

/// <summary>A contract text split into a preamble and a tree of clauses whose spans tile the whole text.</summary>
public sealed class ClauseDocument
{
    internal ClauseDocument(string text, IReadOnlyList<Clause> clauses)
    {
        Text = text;
        Clauses = clauses;
    }

    /// <summary>The text that was segmented.</summary>
    public string Text { get; }

    /// <summary>End (exclusive) of the preamble, the text before the first clause (title, parties); 0 when there is none.</summary>
    public int PreambleEnd => Clauses.Count > 0 ? Clauses[0].Start : Text.Length;

    /// <summary>The top-level clauses in document order.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Every clause, parents before their children, in document order.</summary>
    public IEnumerable<Clause> AllClauses() => Clauses.SelectMany(c => c.DescendantsAndSelf());
}
