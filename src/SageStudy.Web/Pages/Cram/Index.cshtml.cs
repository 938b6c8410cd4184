using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;
using SageStudy.Web.Pages.Tags;

namespace SageStudy.Web.Pages.Cram;

/// <summary>A cram sheet: every unit of the chosen tags across all notes, in note order, as one printable page.</summary>
[RenderedOncePerSnapshot]
public sealed class IndexModel(IContentIndex index) : PageModel
{
    private static readonly string[] DefaultTags = ["exam-tip", "gotcha"];

    [BindProperty(SupportsGet = true, Name = "tag")]
    public List<string> Selected { get; set; } = [];

    public TagQuery Query { get; private set; } = null!;
    public IReadOnlyList<NoteUnits> Groups { get; private set; } = [];
    public IReadOnlyList<TagCount> AllTags => index.Current.Tags;

    public IActionResult OnGet()
    {
        var tags = Selected.Count == 0 ? DefaultTags : Selected.ToArray();
        if (!TagQuery.TryParse(string.Join(',', tags), "any", out var query, out _))
        {
            return BadRequest();
        }

        Query = query;
        Groups = index.Current.UnitsTagged(query.Tags, TagMatch.Any)
            .Where(u => u.Unit.Kind != UnitKind.Note)
            .GroupBy(u => u.Note)
            .Select(g => new NoteUnits(g.Key, g.ToList()))
            .ToList();
        return Page();
    }
}
