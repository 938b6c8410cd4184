using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;
using SageStudy.Web.Search;

namespace SageStudy.Web.Pages.Search;

/// <summary>Search results, each linking to its section; filters by tag and folder.</summary>
[RenderedOncePerSnapshot]
public sealed class IndexModel(NoteSearch search, IContentIndex index) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Folder { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];
    public IReadOnlyList<TagCount> Tags => index.Current.Tags;
    public IEnumerable<NoteFolder> Folders => index.Current.Folders.Where(f => f.Path.Length > 0);

    public async Task<IActionResult> OnGetAsync()
    {
        Tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().TrimStart('#').ToLowerInvariant();
        Folder = string.IsNullOrWhiteSpace(Folder) ? null : Folder.Trim('/');
        if (!NoteSearch.IsValidFilter(Tag, Folder))
        {
            return BadRequest();
        }

        Hits = await search.SearchAsync(new SearchQuery(Q ?? "", Tag, Folder), HttpContext.RequestAborted);
        return Page();
    }
}
