namespace Lvyue.Organizations;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
/// 31-character alphabet (digits and capitals without I, O, S, V, Z), positions 3–8 an
/// administrative division code, the last a check character computed with weights 3^i mod 31.
/// </summary>
public static class Uscc
{
    /// <summary>The code alphabet; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims a code as users type it; does not validate.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>True when <paramref name="code"/> is a well-formed USCC with a correct check character.</summary>
    public static bool IsValid(string? code) => Explain(code) is null;

    /// <summary>Null when valid; otherwise the reason in Chinese and English ("zh|en").</summary>
    public static string? Explain(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "统一社会信用代码不能为空|The unified social credit code is required";
        code = Normalize(code);
        if (code.Length != 18)
            return $"统一社会信用代码应为18位，实为{code.Length}位|The code must have 18 characters, not {code.Length}";
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"第{i + 1}位字符“{code[i]}”不是合法字符（不使用I、O、S、V、Z）|Character {i + 1} '{code[i]}' is not allowed (I, O, S, V, Z are never used)";
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
                return "第3至8位应为行政区划代码（数字）|Characters 3–8 must be an administrative division code (digits)";
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return expected == code[17]
            ? null
            : $"校验码错误：第18位应为“{expected}”|Wrong check character: the 18th character should be '{expected}'";
    }

    /// <summary>Computes the check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters expected", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (v < 0) throw new ArgumentException($"'{first17[i]}' is not a USCC character", nameof(first17));
            sum += v * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Completes a 17-character prefix with its check character.</summary>
    public static string Complete(string first17) => first17 + CheckCharacter(first17);
}
