using System.Text;

namespace SageStudy.Content;

/// <summary>
/// GitHub-style heading ids, unique within one note: learners' notes link to these,
/// so they must match what GitHub shows for the same file.
/// </summary>
public sealed class Slugger
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>Slugs the text and makes it unique the way GitHub does: "x", "x-1", "x-2".</summary>
    public string Unique(string text)
    {
        var slug = Slug(text);
        if (slug.Length == 0)
        {
            slug = "section";
        }

        var candidate = slug;
        for (var n = 1; !_used.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
