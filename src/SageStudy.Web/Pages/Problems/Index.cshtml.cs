using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Problems;

/// <summary>Files the portal could not use or that have broken tables, links or questions.</summary>
public sealed class IndexModel(IContentIndex index) : PageModel
{
    public IReadOnlyList<ContentProblem> Problems { get; private set; } = [];
    public DateTimeOffset CheckedAt { get; private set; }

    public void OnGet()
    {
        Problems = index.Problems;
        CheckedAt = index.Current.BuiltAt;
    }
}
