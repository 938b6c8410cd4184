using Microsoft.AspNetCore.Http.HttpResults;
using SageStudy.Content;
using SageStudy.Web.Indexing;
using SageStudy.Web.Search;

namespace SageStudy.Web.Api;

public sealed record NoteSummary(string Path, string Title, IReadOnlyList<string> Tags);

public sealed record SectionResponse(string Anchor, string Title, int Level, IReadOnlyList<string> Tags);

public sealed record LinkResponse(string Href, string Target, bool Resolved);

public sealed record NoteResponse(
    string Path,
    string Title,
    string Folder,
    IReadOnlyList<string> Tags,
    IReadOnlyList<SectionResponse> Sections,
    IReadOnlyList<LinkResponse> Links,
    IReadOnlyList<string> LinkedFrom);

public sealed record UnitResponse(string Note, string Kind, string Title, string Anchor, IReadOnlyList<string> Tags);

public sealed record ProblemResponse(string Path, int? Line, string Message);

/// <summary>The same data as the pages, as JSON for scripts and tests.</summary>
public static class ContentApi
{
    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/notes", ListNotes);
        api.MapGet("/notes/{**path}", GetNote);
        api.MapGet("/tags", ListTags);
        api.MapGet("/tags/{tags}", GetTagged);
        api.MapGet("/problems", ListProblems);
        api.MapGet("/search", Search).WithMetadata(new RenderedOncePerSnapshotAttribute());
        return app;
    }

    private static Ok<List<NoteSummary>> ListNotes(IContentIndex index) =>
        TypedResults.Ok(index.Current.Notes.Select(n => new NoteSummary(n.Path, n.Title, n.Tags)).ToList());

    private static Results<Ok<NoteResponse>, ProblemHttpResult> GetNote(string path, IContentIndex index)
    {
        var snapshot = index.Current;
        if (snapshot.Find(path.TrimEnd('/')) is not { } note)
        {
            return NotFound("No such note", $"There is no note at '{path}'.");
        }

        return TypedResults.Ok(new NoteResponse(
            note.Path,
            note.Title,
            note.Folder,
            note.Tags,
            note.Headings.Select(h => new SectionResponse(h.Anchor, h.Title, h.Level, h.Tags)).ToList(),
            note.Links.Select(l => new LinkResponse(l.Href, l.Target, l.Resolved)).ToList(),
            snapshot.LinksTo(note.Path).Select(l => l.From.Path).Distinct().ToList()));
    }

    private static Ok<IReadOnlyList<TagCount>> ListTags(IContentIndex index) => TypedResults.Ok(index.Current.Tags);

    /// <summary><c>/api/tags/exam-tip</c>, or several joined by commas with <c>?match=any|all</c>.</summary>
    private static Results<Ok<List<UnitResponse>>, ProblemHttpResult> GetTagged(
        string tags, string? match, IContentIndex index)
    {
        if (!TagQuery.TryParse(tags, match, out var query, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad tag query");
        }

        var units = index.Current.UnitsTagged(query.Tags, query.Match);
        if (units.Count == 0 && !query.Tags.Any(t => index.Current.UnitsTagged(t).Count > 0))
        {
            return NotFound("No such tag", $"No note uses {query}.");
        }

        return TypedResults.Ok(units.Select(u => new UnitResponse(
            u.Note.Path, u.Unit.Kind.ToString().ToLowerInvariant(), u.Unit.Title, u.Unit.Anchor, u.Unit.Tags)).ToList());
    }

    /// <summary>Whatever is typed is a search: plain words, never an error for odd characters.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ProblemHttpResult>> Search(
        string? q, string? tag, string? folder, NoteSearch search, CancellationToken cancellationToken)
    {
        tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().TrimStart('#').ToLowerInvariant();
        folder = string.IsNullOrWhiteSpace(folder) ? null : folder.Trim('/');
        if (!NoteSearch.IsValidFilter(tag, folder))
        {
            return TypedResults.Problem("tag must be a tag name and folder a folder path.", statusCode: StatusCodes.Status400BadRequest, title: "Bad search filter");
        }

        return TypedResults.Ok(await search.SearchAsync(new SearchQuery(q ?? "", tag, folder), cancellationToken));
    }

    private static Ok<List<ProblemResponse>> ListProblems(IContentIndex index) =>
        TypedResults.Ok(index.Problems.Select(p => new ProblemResponse(p.Path, p.Line, p.Message)).ToList());

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
