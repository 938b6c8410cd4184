using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Notes;

public sealed record NoteCard(Note Note, IReadOnlyList<TagCount> UnitCounts);

public sealed record FolderGroup(string Folder, string Title, IReadOnlyList<NoteCard> Notes);

/// <summary>Home: every note grouped by folder, and every tag with its count.</summary>
[RenderedOncePerSnapshot]
public sealed class IndexModel(IContentIndex index) : PageModel
{
    public IReadOnlyList<FolderGroup> Folders { get; private set; } = [];
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];
    public int ProblemCount { get; private set; }

    public void OnGet()
    {
        var snapshot = index.Current;
        Folders = snapshot.Folders
            .Select(f => new FolderGroup(f.Path, f.Title, f.Notes.Select(n => new NoteCard(n, CountUnits(n))).ToList()))
            .ToList();
        Tags = snapshot.Tags;
        ProblemCount = index.Problems.Count;
    }

    private static List<TagCount> CountUnits(Note note) => note.Units
        .Where(u => u.Kind != UnitKind.Note)
        .SelectMany(u => u.Tags)
        .GroupBy(t => t)
        .Select(g => new TagCount(g.Key, g.Count()))
        .OrderByDescending(t => t.Count)
        .ThenBy(t => t.Tag, StringComparer.Ordinal)
        .ToList();
}
