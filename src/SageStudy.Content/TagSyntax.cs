using System.Text.RegularExpressions;

namespace SageStudy.Content;

/// <summary>Rule 1: a tag is a code span holding only '#', a letter or digit, then letters, digits or hyphens.</summary>
public static partial class TagSyntax
{
    [GeneratedRegex("^#[A-Za-z0-9][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static bool TryParse(string codeSpan, out string name)
    {
        if (TagPattern().IsMatch(codeSpan))
        {
            name = codeSpan[1..].ToLowerInvariant();
            return true;
        }

        name = "";
        return false;
    }

    /// <summary>Whether a string is a valid tag name (lowercase, no '#'), e.g. from a URL.</summary>
    public static bool IsName(string name) => name.Length <= 100 && NamePattern().IsMatch(name);
}
