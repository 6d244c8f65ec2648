namespace SmpShade.Api.Infrastructure;

/// <summary>
/// Characters a catalogue's text must not carry: C0 and C1 controls (Unicode category Cc: tabs, line breaks, NUL,
/// escapes) and the bidirectional formatting characters, which can make a SKU or name display differently from what
/// it is ("Trojan Source", CVE-2021-42574: U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the
/// marks U+200E, U+200F, U+061C).
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>The first such character in <paramref name="text"/>, or null.</summary>
    public static char? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (char.IsControl(c) || IsBidiFormatting(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>"U+202E" for the error messages (the character itself would be invisible or reorder the message).</summary>
    public static string Describe(char c) => $"U+{(int)c:X4}";

    private static bool IsBidiFormatting(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
