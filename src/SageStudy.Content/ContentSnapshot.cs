namespace SageStudy.Content;

public sealed record TagCount(string Tag, int Count);

/// <summary>A folder of notes, in note order; <see cref="Path"/> is "" for the content root.</summary>
public sealed record NoteFolder(string Path, string Title, IReadOnlyList<Note> Notes);

/// <summary>A unit with the note it belongs to, as the tag pages list it.</summary>
public sealed record TaggedUnit(Note Note, Unit Unit);

public enum TagMatch
{
    Any,
    All,
}

/// <summary>
/// One immutable view of all notes. The index swaps a whole new snapshot in when content
/// changes, so a reader always sees one consistent version and never takes a lock.
/// </summary>
public sealed class ContentSnapshot
{
    public static readonly ContentSnapshot Empty = new([], [], DateTimeOffset.MinValue);

    private readonly Dictionary<string, Note> _byPath;
    private readonly Dictionary<string, int> _position;
    private readonly Dictionary<string, List<TaggedUnit>> _byTag;
    private readonly Dictionary<string, List<(Note From, NoteLink Link)>> _backlinks;
    private readonly IReadOnlyDictionary<string, string> _folderTitles;

    public ContentSnapshot(IEnumerable<Note> notes, IReadOnlyList<ContentProblem> fileProblems, DateTimeOffset builtAt)
    {
        Notes = notes
            .OrderBy(n => n.Folder.Length == 0 ? 0 : 1)
            .ThenBy(n => n.Folder, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        BuiltAt = builtAt;
        _byPath = Notes.ToDictionary(n => n.Path, StringComparer.Ordinal);
        _position = Notes.Select((n, i) => (n.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);

        _byTag = new Dictionary<string, List<TaggedUnit>>(StringComparer.Ordinal);
        _backlinks = new Dictionary<string, List<(Note, NoteLink)>>(StringComparer.Ordinal);
        foreach (var note in Notes)
        {
            foreach (var unit in note.Units)
            {
                foreach (var tag in unit.Tags)
                {
                    if (!_byTag.TryGetValue(tag, out var list))
                    {
                        _byTag[tag] = list = [];
                    }

                    list.Add(new TaggedUnit(note, unit));
                }
            }

            foreach (var link in note.Links.Where(l => l.Resolved && l.Target != note.Path))
            {
                if (!_backlinks.TryGetValue(link.Target, out var list))
                {
                    _backlinks[link.Target] = list = [];
                }

                list.Add((note, link));
            }
        }

        _folderTitles = FolderTitles.Of(Notes);
        Folders = Notes.GroupBy(n => n.Folder).Select(g => new NoteFolder(g.Key, _folderTitles[g.Key], g.ToList())).ToList();
        Tags = _byTag
            .Select(p => new TagCount(p.Key, p.Value.Count))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        Problems = fileProblems.Concat(NoteProblems()).ToList();
    }

    public IReadOnlyList<Note> Notes { get; }
    public IReadOnlyList<TagCount> Tags { get; }
    public IReadOnlyList<ContentProblem> Problems { get; }
    public DateTimeOffset BuiltAt { get; }

    public Note? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The notes grouped by folder, in note order; grouped once, as every page's sidebar lists them.</summary>
    public IReadOnlyList<NoteFolder> Folders { get; }

    /// <summary>How pages name a folder holding notes (see <see cref="FolderTitles"/>).</summary>
    public string FolderTitle(string folder) => _folderTitles.GetValueOrDefault(folder, folder);

    public IReadOnlyList<TaggedUnit> UnitsTagged(string tag) =>
        _byTag.TryGetValue(tag, out var units) ? units : [];

    /// <summary>Units carrying any, or all, of the tags, in note order; each unit once.</summary>
    public IReadOnlyList<TaggedUnit> UnitsTagged(IReadOnlyCollection<string> tags, TagMatch match)
    {
        if (tags.Count == 1)
        {
            return UnitsTagged(tags.First());
        }

        var seen = new HashSet<(string, string, int)>();
        return tags
            .SelectMany(UnitsTagged)
            .Where(u => match == TagMatch.Any || tags.All(u.Unit.Tags.Contains))
            .Where(u => seen.Add((u.Note.Path, u.Unit.Anchor, (int)u.Unit.Kind)))
            .OrderBy(u => _position[u.Note.Path])
            .ThenBy(u => u.Unit.Line)
            .ToList();
    }

    /// <summary>The notes whose links point at this note ("Linked from").</summary>
    public IReadOnlyList<(Note From, NoteLink Link)> LinksTo(string path) =>
        _backlinks.TryGetValue(path, out var links) ? links : [];

    private IEnumerable<ContentProblem> NoteProblems()
    {
        foreach (var note in Notes)
        {
            var file = note.Path + NotePaths.Extension;
            foreach (var warning in note.Warnings)
            {
                yield return new ContentProblem(file, warning.Line, warning.Message);
            }

            foreach (var link in note.Links)
            {
                if (!link.Resolved)
                {
                    yield return new ContentProblem(file, link.Line, $"Broken link to {link.Href}: there is no note {link.Target}.");
                }
                else if (link.Anchor is { Length: > 0 } anchor && Find(link.Target) is { } target
                         && !target.Headings.Any(h => h.Anchor == anchor) && !target.Units.Any(u => u.Anchor == anchor))
                {
                    yield return new ContentProblem(file, link.Line, $"Broken anchor in {link.Href}: {target.Title} has no section #{anchor}.");
                }
            }
        }
    }
}
