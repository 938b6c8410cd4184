using SageStudy.Content;

namespace SageStudy.Web.Pages;

/// <summary>The portal's URLs, built in one place so pages and tests agree on them.</summary>
public static class Links
{
    public static string Note(string path, string? anchor = null) =>
        "/notes/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString))
        + (string.IsNullOrEmpty(anchor) ? "" : "#" + Uri.EscapeDataString(anchor));

    public static string Unit(TaggedUnit unit) =>
        unit.Unit.Kind == UnitKind.Note ? Note(unit.Note.Path) : Note(unit.Note.Path, unit.Unit.Anchor);

    public static string Tag(string tag) => "/tags/" + Uri.EscapeDataString(tag);

    /// <summary>The id of a folder's section on the home page.</summary>
    public static string FolderAnchor(string folder) => folder.Length == 0 ? "root" : folder.Replace('/', '-');

    /// <summary>A tag page for several tags ("/tags/exam-tip,gotcha?match=all"), optionally at a page number.</summary>
    public static string Tags(Indexing.TagQuery query, int page = 1)
    {
        var parameters = new List<string>();
        if (query.Match == TagMatch.All)
        {
            parameters.Add("match=all");
        }

        if (page > 1)
        {
            parameters.Add($"page={page}");
        }

        return "/tags/" + string.Join(',', query.Tags.Select(Uri.EscapeDataString)) + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters));
    }
}
