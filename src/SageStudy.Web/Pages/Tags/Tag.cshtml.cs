using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Tags;

public sealed record NoteUnits(Note Note, IReadOnlyList<TaggedUnit> Units);

/// <summary>Every unit with a tag (or several tags) across all notes, grouped by note.</summary>
[RenderedOncePerSnapshot]
public sealed class TagModel(IContentIndex index) : PageModel
{
    public TagQuery Query { get; private set; } = null!;
    public IReadOnlyList<NoteUnits> Groups { get; private set; } = [];
    public IReadOnlyList<TagCount> AllTags { get; private set; } = [];
    public int UnitCount { get; private set; }

    public string PageUrl(int page) => Links.Tags(Query, page);

    /// <summary>Units per page: a tag used across a thousand notes would otherwise make a page of megabytes; 15 keep it near 20 KB.</summary>
    public const int PageSize = 15;

    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <param name="pageNumber">From <c>?page=</c>; Razor Pages keeps the name "page" for the page's own route value.</param>
    public IActionResult OnGet(string tags, string? match, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        if (!TagQuery.TryParse(tags, match, out var query, out _))
        {
            return BadRequest();
        }

        var snapshot = index.Current;
        var units = snapshot.UnitsTagged(query.Tags, query.Match);
        if (units.Count == 0 && !query.Tags.Any(t => snapshot.UnitsTagged(t).Count > 0))
        {
            return NotFound();
        }

        PageCount = Math.Max(1, (units.Count + PageSize - 1) / PageSize);
        if (pageNumber < 1 || pageNumber > PageCount)
        {
            return NotFound();
        }

        Query = query;
        PageNumber = pageNumber;
        UnitCount = units.Count;
        AllTags = snapshot.Tags;
        Groups = units.Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .GroupBy(u => u.Note).Select(g => new NoteUnits(g.Key, g.ToList())).ToList();
        return Page();
    }
}
