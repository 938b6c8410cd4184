using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Notes;

/// <summary>One note, rendered; or, with <c>?tag=</c>, only its units carrying those tags.</summary>
[RenderedOncePerSnapshot]
public sealed class NoteModel(IContentIndex index, NoteBodies bodies) : PageModel
{
    public Note Note { get; private set; } = null!;
    public NoteBody Body { get; private set; } = null!;
    public string FolderTitle { get; private set; } = "";
    public IReadOnlyList<Heading> Toc { get; private set; } = [];
    public IReadOnlyList<string> NoteUnitTags { get; private set; } = [];
    public IReadOnlyList<Note> LinkedFrom { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "tag")]
    public List<string> FilterTags { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Match { get; set; }

    public TagQuery? Filter { get; private set; }
    public IReadOnlyList<TaggedUnit> FilteredUnits { get; private set; } = [];

    public IActionResult OnGet(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            // The list of notes is the home page.
            return Redirect("/");
        }

        var snapshot = index.Current;
        if (path.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase) && snapshot.Find(path[..^NotePaths.Extension.Length]) is { } byFile)
        {
            return RedirectPermanent(Links.Note(byFile.Path));
        }

        if (snapshot.Find(path) is not { } note)
        {
            return NotFound();
        }

        Note = note;
        Body = bodies.For(note);
        FolderTitle = snapshot.FolderTitle(note.Folder);
        Toc = note.Headings.Where(h => h.Level is 2 or 3).ToList();
        NoteUnitTags = note.Units.Where(u => u.Kind != UnitKind.Note).SelectMany(u => u.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        LinkedFrom = snapshot.LinksTo(note.Path).Select(l => l.From).DistinctBy(n => n.Path).ToList();

        if (FilterTags.Count > 0)
        {
            if (!TagQuery.TryParse(string.Join(',', FilterTags), Match, out var filter, out _))
            {
                return BadRequest();
            }

            Filter = filter;
            FilteredUnits = note.Units
                .Where(u => u.Kind != UnitKind.Note)
                .Where(u => filter.Match == TagMatch.Any ? filter.Tags.Any(u.Tags.Contains) : filter.Tags.All(u.Tags.Contains))
                .Select(u => new TaggedUnit(note, u))
                .ToList();
        }

        return Page();
    }
}
