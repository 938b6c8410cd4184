namespace SageStudy.Content;

/// <summary>What kind of piece of a note a tag marks (see the tag rules in the README).</summary>
public enum UnitKind
{
    Note,
    Section,
    Block,
    Item,
    Paragraph,
}

/// <summary>A heading of a note, tagged or not; its anchor is the heading's id in the page.</summary>
public sealed record Heading(string Anchor, string Title, int Level, IReadOnlyList<string> Tags, int Line);

/// <summary>A tagged piece of a note: what the tag pages and the in-note filter list.</summary>
/// <param name="Anchor">Unique within the note; "" only for the note-level unit of its Tags line.</param>
public sealed record Unit(UnitKind Kind, string Title, string Anchor, IReadOnlyList<string> Tags, int Line);

/// <summary>A relative link from one note to another; <see cref="Target"/> is the target note's path.</summary>
public sealed record NoteLink(string Href, string Target, string? Anchor, bool Resolved, int Line);

/// <summary>A term and its description read off a note, e.g. <c>- **DeepAR** - Time series forecasting</c>.</summary>
/// <param name="Anchor">Where to re-read it: the block's own anchor when tagged, else its section's.</param>
public sealed record TermPair(string Term, string Description, IReadOnlyList<string> Tags, string Anchor);

/// <summary>The term/description items of one list, all in one section.</summary>
public sealed record TermList(string Anchor, string SectionTitle, IReadOnlyList<TermPair> Pairs);

/// <summary>Plain text of one heading's region, for full-text search.</summary>
public sealed record SectionText(string Anchor, string Title, string Text);

/// <summary>A problem found in a note that does not stop it from being served.</summary>
public sealed record NoteWarning(int Line, string Message);

/// <summary>
/// The outline of one note, computed once per content change: what every page, tag list and link
/// check needs. Its HTML is a <see cref="NoteBody"/>, kept apart so the index held in memory stays small.
/// </summary>
public sealed record Note
{
    /// <summary>Path under the content root, with '/' separators and without ".md".</summary>
    public required string Path { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<Heading> Headings { get; init; }
    public required IReadOnlyList<Unit> Units { get; init; }
    public required IReadOnlyList<NoteLink> Links { get; init; }
    public required IReadOnlyList<NoteWarning> Warnings { get; init; }
    /// <summary>Lists of <c>**Term** - description</c> items, for generated questions.</summary>
    public required IReadOnlyList<TermList> TermLists { get; init; }
    /// <summary>Bold-lead blocks with the text under them, for generated questions.</summary>
    public required IReadOnlyList<TermPair> Blocks { get; init; }
    /// <summary>SHA-256 of the file's bytes: an unchanged hash means an unchanged note.</summary>
    public required string Hash { get; init; }

    public string Folder => NotePaths.FolderOf(Path);
}

/// <summary>A note's rendered HTML, and each tagged unit's HTML by the unit's anchor (without ids, as units are shown many to a page).</summary>
public sealed record NoteBody(string Html, IReadOnlyDictionary<string, string> UnitHtml)
{
    public string HtmlOf(Unit unit) => UnitHtml.GetValueOrDefault(unit.Anchor, "");
}

/// <summary>What parsing one file gives: the note's outline, its HTML, and its sections' text for full-text search.</summary>
public sealed record ParsedNote(Note Note, NoteBody Body, IReadOnlyList<SectionText> Sections)
{
    public NoteSearchText SearchText => new(Note, Sections);
}

/// <summary>A note's outline and its sections' text: what the full-text search index is written from.</summary>
public sealed record NoteSearchText(Note Note, IReadOnlyList<SectionText> Sections);
