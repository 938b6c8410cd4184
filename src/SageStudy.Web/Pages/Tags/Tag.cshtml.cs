using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Tags;

public sealed record NoteUnits(Note Note, IReadOnlyList<TaggedUnit> Units);

/// <summary>Every unit with a tag (or several tags) across all notes, grouped by note.</summary>
[OutputCache(PolicyName = ContentCaching.Policy)]
public sealed class TagModel(IContentIndex index) : PageModel
{
    public TagQuery Query { get; private set; } = null!;
    public IReadOnlyList<NoteUnits> Groups { get; private set; } = [];
    public IReadOnlyList<TagCount> AllTags { get; private set; } = [];
    public int UnitCount { get; private set; }

    public IActionResult OnGet(string tags, string? match)
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

        Query = query;
        UnitCount = units.Count;
        AllTags = snapshot.Tags;
        Groups = units.GroupBy(u => u.Note).Select(g => new NoteUnits(g.Key, g.ToList())).ToList();
        return Page();
    }
}
