using System.Text.RegularExpressions;

namespace SageStudy.Content;

/// <summary>Which link targets may reach a reader's browser: relative ones and http, https and mailto.</summary>
internal static partial class SafeUrls
{
    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http:", "https:", "mailto:" };

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    public static bool HasScheme(string url) => SchemePattern().IsMatch(url);

    public static bool IsSafe(string url)
    {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so must we.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = SchemePattern().Match(compact);
        return !scheme.Success || SafeSchemes.Contains(scheme.Value);
    }
}
