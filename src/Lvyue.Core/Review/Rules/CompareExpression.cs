using System.Globalization;

namespace Lvyue.Review.Rules;

/// <summary>What a value of a <c>compare</c> expression is: a number (yuan, months, days, percent …) or a date.</summary>
internal enum ValueKind
{
    Number,
    Date,
}

/// <summary>
/// A number read from the document for a <c>compare</c> condition, with the words it comes from. A date is held as its
/// day number (<see cref="DateOnly.DayNumber"/>), so date − date is a number of days.
/// </summary>
internal readonly record struct Captured(decimal Value, int Start, int End);

/// <summary>
/// An arithmetic expression of a <c>compare</c> condition over constants, the document's fields, its dates and the
/// numbers captured by the condition's patterns: <c>+ - * / ( )</c> (also × and ÷), a percent constant (<c>10%</c> is
/// 0.1) and the functions <c>sum min max count first last</c> (over every capture of a value) and <c>abs</c>.
/// Kinds are checked when the rule loads: date ± number is a date, date − date a number of days, nothing else mixes.
/// </summary>
internal abstract class CompareExpression
{
    /// <summary>Number or date, decided at load.</summary>
    public abstract ValueKind Kind { get; }

    /// <summary>The value on <paramref name="env"/>, or false when a value it needs is not in the document.</summary>
    public abstract bool TryEvaluate(CompareEnv env, out decimal value);

    /// <summary>Whether <c>count(...)</c> occurs, which holds on a document where a pattern never matches.</summary>
    public virtual bool Counts => false;

    /// <summary>The value names it refers to.</summary>
    public abstract void Names(HashSet<string> into);
}

/// <summary>What a name in an expression refers to.</summary>
internal enum NameSource
{
    /// <summary>A numeric fact (<see cref="ReviewFacts.Names"/>).</summary>
    Field,
    /// <summary>A date of the extraction (<see cref="ReviewFacts.DateNames"/>).</summary>
    DateField,
    /// <summary>The numbers a <c>values:</c> pattern (or the <c>each:</c> pattern's group) captured.</summary>
    Capture,
}

/// <summary>Per-evaluation state: the document, the captures by name, and the first span the expressions used.</summary>
internal sealed class CompareEnv(ReviewDocument doc)
{
    public ReviewDocument Doc { get; } = doc;

    public Dictionary<string, IReadOnlyList<Captured>> Captures { get; } = new(StringComparer.Ordinal);

    public int SpanStart { get; private set; } = -1;

    public int SpanEnd { get; private set; } = -1;

    public void Use(int start, int end)
    {
        if (SpanStart >= 0 || start < 0 || end <= start) return;
        SpanStart = start;
        SpanEnd = end;
    }

    public void ResetSpan() => (SpanStart, SpanEnd) = (-1, -1);
}

internal sealed class ConstantExpression(decimal value) : CompareExpression
{
    public decimal Value => value;
    public override ValueKind Kind => ValueKind.Number;

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        v = value;
        return true;
    }

    public override void Names(HashSet<string> into) { }
}

/// <summary>A name: a field, a date, or a capture (its first value when used as one number).</summary>
internal sealed class NameExpression(string name, NameSource source, ValueKind kind) : CompareExpression
{
    public override ValueKind Kind => kind;

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        v = 0;
        switch (source)
        {
            case NameSource.Field:
                if (env.Doc.Facts.Get(name) is not { Number: { } n } f) return false;
                env.Use(f.Start, f.End);
                v = n;
                return true;
            case NameSource.DateField:
                if (env.Doc.Facts.GetDate(name) is not { } d) return false;
                env.Use(d.Start, d.End);
                v = d.Value.DayNumber;
                return true;
            default:
                if (!env.Captures.TryGetValue(name, out var list) || list.Count == 0) return false;
                env.Use(list[0].Start, list[0].End);
                v = list[0].Value;
                return true;
        }
    }

    public override void Names(HashSet<string> into) => into.Add(name);
}

/// <summary><c>sum(x) min(x) max(x) count(x) first(x) last(x)</c> over every number a capture took in the range.</summary>
internal sealed class AggregateExpression(string function, string name, ValueKind kind) : CompareExpression
{
    public static readonly string[] Functions = ["sum", "min", "max", "count", "first", "last"];

    public override ValueKind Kind => function is "count" or "sum" ? ValueKind.Number : kind;
    public override bool Counts => function == "count";

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        v = 0;
        var list = env.Captures.TryGetValue(name, out var l) ? l : [];
        if (function == "count")
        {
            v = list.Count;
            if (list.Count > 0) env.Use(list[0].Start, list[0].End);
            return true;
        }
        if (list.Count == 0) return false;
        var at = list[0];
        switch (function)
        {
            case "sum":
                foreach (var c in list) v += c.Value;
                break;
            case "min":
            case "max":
                foreach (var c in list)
                    if (c.Value != at.Value && (c.Value < at.Value) == (function == "min")) at = c;
                v = at.Value;
                break;
            case "last":
                at = list[^1];
                v = at.Value;
                break;
            default:
                v = at.Value;
                break;
        }
        env.Use(at.Start, at.End);
        return true;
    }

    public override void Names(HashSet<string> into) => into.Add(name);
}

internal sealed class NegateExpression(CompareExpression inner) : CompareExpression
{
    public override ValueKind Kind => ValueKind.Number;
    public override bool Counts => inner.Counts;

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        var ok = inner.TryEvaluate(env, out v);
        v = -v;
        return ok;
    }

    public override void Names(HashSet<string> into) => inner.Names(into);
}

internal sealed class AbsExpression(CompareExpression inner) : CompareExpression
{
    public override ValueKind Kind => ValueKind.Number;
    public override bool Counts => inner.Counts;

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        var ok = inner.TryEvaluate(env, out v);
        v = Math.Abs(v);
        return ok;
    }

    public override void Names(HashSet<string> into) => inner.Names(into);
}

internal sealed class BinaryExpression(char op, CompareExpression left, CompareExpression right, ValueKind kind) : CompareExpression
{
    public override ValueKind Kind => kind;
    public override bool Counts => left.Counts || right.Counts;

    public override bool TryEvaluate(CompareEnv env, out decimal v)
    {
        v = 0;
        if (!left.TryEvaluate(env, out var a) || !right.TryEvaluate(env, out var b)) return false;
        try
        {
            switch (op)
            {
                case '+': v = a + b; return true;
                case '-': v = a - b; return true;
                case '*': v = a * b; return true;
                default:
                    if (b == 0) return false; // a share of nothing is not a finding
                    v = a / b;
                    return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public override void Names(HashSet<string> into)
    {
        left.Names(into);
        right.Names(into);
    }
}

/// <summary>
/// Reads an expression (recursive descent). <paramref name="resolve"/> says what a name is, or null when it is unknown;
/// every problem is a <see cref="FormatException"/> whose message the rule loader reports with the line.
/// </summary>
internal sealed class CompareExpressionParser(string text, Func<string, (NameSource Source, ValueKind Kind)?> resolve)
{
    private int _pos;

    public static CompareExpression Parse(string text, Func<string, (NameSource Source, ValueKind Kind)?> resolve)
    {
        var p = new CompareExpressionParser(text, resolve);
        var e = p.Sum();
        p.Skip();
        if (p._pos < text.Length) throw new FormatException($"unexpected '{text[p._pos]}' at position {p._pos + 1} of '{text}'");
        return e;
    }

    private void Skip()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private char Peek()
    {
        Skip();
        return _pos < text.Length ? text[_pos] : '\0';
    }

    private CompareExpression Sum()
    {
        var left = Product();
        while (Peek() is '+' or '-' or '－' or '＋')
        {
            var op = text[_pos++] is '+' or '＋' ? '+' : '-';
            left = Binary(op, left, Product());
        }
        return left;
    }

    private CompareExpression Product()
    {
        var left = Unary();
        while (Peek() is '*' or '/' or '×' or '÷')
        {
            var op = text[_pos++] is '*' or '×' ? '*' : '/';
            left = Binary(op, left, Unary());
        }
        return left;
    }

    private CompareExpression Unary()
    {
        if (Peek() is '-' or '－')
        {
            _pos++;
            var inner = Unary();
            if (inner.Kind != ValueKind.Number) throw new FormatException($"a date cannot be negated in '{text}'");
            return new NegateExpression(inner);
        }
        return Primary();
    }

    private CompareExpression Primary()
    {
        var c = Peek();
        if (c == '\0') throw new FormatException($"'{text}' ends where a number, a name or '(' is expected");
        if (c is '(' or '（')
        {
            _pos++;
            var inner = Sum();
            Expect(')');
            return inner;
        }
        if (char.IsAsciiDigit(c) || c == '.')
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.')) _pos++;
            var s = text[start.._pos];
            if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"'{s}' is not a number in '{text}'");
            if (Peek() is '%' or '％')
            {
                _pos++;
                v /= 100;
            }
            return new ConstantExpression(v);
        }
        if (char.IsLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            var name = text[start.._pos];
            if (Peek() is '(' or '（') return Call(name);
            if (resolve(name) is not { } r)
                throw new FormatException($"unknown name '{name}' in '{text}': not a value of this condition, a field or a date (fields: {string.Join(", ", ReviewFacts.Names.Keys)}; dates: {string.Join(", ", ReviewFacts.DateNames.Keys)})");
            return new NameExpression(name, r.Source, r.Kind);
        }
        throw new FormatException($"unexpected '{c}' at position {_pos + 1} of '{text}'");
    }

    private CompareExpression Call(string function)
    {
        _pos++; // (
        if (function == "abs")
        {
            var inner = Sum();
            Expect(')');
            if (inner.Kind != ValueKind.Number) throw new FormatException($"abs() takes a number in '{text}'");
            return new AbsExpression(inner);
        }
        if (!AggregateExpression.Functions.Contains(function))
            throw new FormatException($"unknown function '{function}' in '{text}' (functions: {string.Join(", ", AggregateExpression.Functions)}, abs)");
        Skip();
        var start = _pos;
        while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
        var name = text[start.._pos];
        Expect(')');
        if (name.Length == 0 || resolve(name) is not { Source: NameSource.Capture } r)
            throw new FormatException($"{function}() takes the name of a value captured by a pattern of this condition, got '{name}' in '{text}'");
        if (function == "sum" && r.Kind == ValueKind.Date) throw new FormatException($"dates cannot be summed in '{text}'");
        return new AggregateExpression(function, name, r.Kind);
    }

    private void Expect(char close)
    {
        var c = Peek();
        if (c == close || (close == ')' && c == '）'))
        {
            _pos++;
            return;
        }
        throw new FormatException($"'{close}' expected at position {_pos + 1} of '{text}'");
    }

    private CompareExpression Binary(char op, CompareExpression a, CompareExpression b)
    {
        var kind = (op, a.Kind, b.Kind) switch
        {
            (_, ValueKind.Number, ValueKind.Number) => ValueKind.Number,
            ('+', ValueKind.Date, ValueKind.Number) or ('+', ValueKind.Number, ValueKind.Date) or ('-', ValueKind.Date, ValueKind.Number) => ValueKind.Date,
            ('-', ValueKind.Date, ValueKind.Date) => ValueKind.Number,
            _ => throw new FormatException($"'{op}' cannot combine a {a.Kind.ToString().ToLowerInvariant()} with a {b.Kind.ToString().ToLowerInvariant()} in '{text}' (date − date is days, date ± days is a date)"),
        };
        return new BinaryExpression(op, a, b, kind);
    }
}
