using System.Globalization;

namespace Lvyue.Notary;

/// <summary>The shared rules of key names, key IDs and base64 in notes and key strings.</summary>
internal static class NoteKeyName
{
    /// <summary>Whether <paramref name="name"/> is a valid key name; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsValid(string name, out string? reason)
    {
        if (name.Length == 0) reason = "the key name is empty";
        else if (name.Contains('+')) reason = $"the key name \"{name}\" contains a plus sign";
        else if (name.Any(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator))
            reason = $"the key name \"{name}\" contains a space";
        else if (name.Any(char.IsControl)) reason = "the key name contains a control character";
        else if (name.Any(char.IsSurrogate) && !IsWellFormed(name)) reason = "the key name is not valid Unicode";
        else reason = null;
        return reason is null;
    }

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name, out var reason)) throw new NoteFormatException(reason!);
    }

    /// <summary>Eight lowercase hex digits.</summary>
    public static uint ParseKeyId(string hex)
    {
        if (hex.Length != 8 || !hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new NoteFormatException($"the key ID \"{hex}\" is not eight lowercase hex digits");
        return uint.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Standard base64 in its one canonical form (padding present, no spaces, unused bits zero).</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))) return false;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }
        return Convert.ToBase64String(bytes) == text;
    }

    public static byte[] DecodeBase64(string text, string what) =>
        TryDecodeBase64(text, out var bytes) ? bytes : throw new NoteFormatException($"{what} is not canonical standard base64");

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
