using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SageStudy.Content;

/// <summary>Rule 1: a tag is a code span holding only '#', a letter or digit, then letters, digits or hyphens.</summary>
public static partial class TagSyntax
{
    [GeneratedRegex("^#[A-Za-z0-9][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // A few tag names recur on thousands of headings and items: one string per name rather than one per use
    // (~20,000 fewer strings with 1,000 notes). Capped, so a folder of endless distinct tags cannot grow it unbounded.
    private const int MaxSharedNames = 10_000;
    private static readonly ConcurrentDictionary<string, string> SharedNames = new(StringComparer.Ordinal);

    public static bool TryParse(string codeSpan, out string name)
    {
        if (TagPattern().IsMatch(codeSpan))
        {
            name = Shared(codeSpan[1..].ToLowerInvariant());
            return true;
        }

        name = "";
        return false;
    }

    /// <summary>The one shared instance of a tag name, for names read back from storage as well as parsed ones.</summary>
    public static string Shared(string name) =>
        SharedNames.TryGetValue(name, out var shared) ? shared
        : SharedNames.Count < MaxSharedNames ? SharedNames.GetOrAdd(name, name)
        : name;

    /// <summary>Whether a string is a valid tag name (lowercase, no '#'), e.g. from a URL.</summary>
    public static bool IsName(string name) => name.Length <= 100 && NamePattern().IsMatch(name);
}
