namespace SageStudy.Content;

/// <summary>
/// Settings of the tag rules that learners may change: headings whose whole title is an alias
/// ("Exam Tips") carry the alias's tag without writing it.
/// </summary>
public sealed class TagRules
{
    public static readonly TagRules Default = new(new Dictionary<string, string>
    {
        ["Exam Tips"] = "exam-tip",
        ["Gotchas"] = "gotcha",
    });

    private readonly Dictionary<string, string> _sectionAliases;

    public TagRules(IReadOnlyDictionary<string, string> sectionAliases)
    {
        _sectionAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (title, tag) in sectionAliases)
        {
            var name = tag.TrimStart('#').ToLowerInvariant();
            if (!TagSyntax.IsName(name))
            {
                throw new ArgumentException($"Section alias '{title}' maps to '{tag}', which is not a valid tag name.");
            }

            _sectionAliases[title.Trim()] = TagSyntax.Shared(name);
        }
    }

    public string? AliasFor(string headingTitle) =>
        _sectionAliases.TryGetValue(headingTitle.Trim(), out var tag) ? tag : null;
}
