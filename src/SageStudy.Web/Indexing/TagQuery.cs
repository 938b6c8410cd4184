using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>One or more tags from a URL ("exam-tip,gotcha") and how they combine.</summary>
public sealed record TagQuery(IReadOnlyList<string> Tags, TagMatch Match)
{
    private const int MaxTags = 20;

    public static bool TryParse(string? tags, string? match, out TagQuery query, out string error)
    {
        query = new TagQuery([], TagMatch.Any);
        var names = (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.TrimStart('#').ToLowerInvariant())
            .Distinct()
            .ToList();

        if (names.Count == 0 || names.Count > MaxTags)
        {
            error = $"Give between 1 and {MaxTags} tags, separated by commas.";
            return false;
        }

        if (names.FirstOrDefault(n => !TagSyntax.IsName(n)) is { } bad)
        {
            error = $"'{bad}' is not a tag: tags are letters, digits and hyphens, like exam-tip.";
            return false;
        }

        if (!Enum.TryParse<TagMatch>(string.IsNullOrEmpty(match) ? "any" : match, ignoreCase: true, out var how) || !Enum.IsDefined(how))
        {
            error = "match must be 'any' or 'all'.";
            return false;
        }

        query = new TagQuery(names, how);
        error = "";
        return true;
    }

    public override string ToString() =>
        string.Join(Match == TagMatch.All ? " and " : " or ", Tags.Select(t => "#" + t));
}
