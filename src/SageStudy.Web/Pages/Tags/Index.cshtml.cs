using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Tags;

/// <summary>All tags with their counts, and a form that combines several into one tag page.</summary>
[RenderedOncePerSnapshot]
public sealed class IndexModel(IContentIndex index) : PageModel
{
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "tag")]
    public List<string> Selected { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Match { get; set; }

    public IActionResult OnGet()
    {
        if (Selected.Count > 0)
        {
            if (!TagQuery.TryParse(string.Join(',', Selected), Match, out var query, out _))
            {
                return BadRequest();
            }

            return Redirect(Links.Tags(query));
        }

        Tags = index.Current.Tags;
        return Page();
    }
}
