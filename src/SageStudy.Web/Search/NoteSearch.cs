using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SageStudy.Content;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Search;

public sealed record SearchHit(string Note, string Anchor, string Title, string NoteTitle, string SnippetHtml, string TitleHtml);

public sealed record SearchQuery(string Text, string? Tag, string? Folder);

/// <summary>
/// Full-text search over note sections with SQLite FTS5, ranked by bm25 with titles weighing
/// more than body text. Whatever a learner types is read as plain words: the FTS query syntax
/// is never exposed, so quotes, NEAR( or a lone "-" cannot make a query fail.
/// </summary>
public sealed partial class NoteSearch(SageStudyDb db, IContentIndex index)
{
    public const int MaxResults = 50;
    private const int MaxWords = 12;
    private const int MaxWordLength = 64;

    // Control characters mark the matches, so they survive HTML-encoding the snippet.
    private const char MatchStart = '\u0002';
    private const char MatchEnd = '\u0003';

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>The words of the text as an FTS5 query: each quoted, all required (stemming matches their other forms).</summary>
    public static string? ToFtsQuery(string? text)
    {
        var words = Word().Matches(text ?? "")
            .Select(m => m.Value.Length > MaxWordLength ? m.Value[..MaxWordLength] : m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxWords)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        return string.Join(' ', words.Select(w => $"\"{w}\""));
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var match = ToFtsQuery(query.Text);
        if (match is null)
        {
            return [];
        }

        // Right after a build, the search rows of the notes just served are still being written.
        await index.SearchReady.WaitAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Snippets are the costly part, so they are made only for the best rows, picked first by rank.
        command.CommandText = $"""
            SELECT note, anchor, title, note_title,
                   snippet(SearchIndex, 2, char(2), char(3), '…', 24),
                   highlight(SearchIndex, 0, char(2), char(3))
            FROM SearchIndex
            WHERE SearchIndex MATCH $match AND rowid IN (
                SELECT rowid FROM SearchIndex
                WHERE SearchIndex MATCH $match
                  AND ($tag IS NULL OR tags LIKE '% ' || $tag || ' %')
                  AND ($folder IS NULL OR folder = $folder OR folder LIKE $folder || '/%')
                ORDER BY rank
                LIMIT {MaxResults})
            ORDER BY rank
            """;
        command.AddParameter("$match", match);
        command.AddParameter("$tag", query.Tag);
        command.AddParameter("$folder", query.Folder);

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Highlight(reader.GetString(4)), Highlight(reader.GetString(5))));
        }

        return hits;
    }

    public static bool IsValidFilter(string? tag, string? folder) =>
        (tag is null || TagSyntax.IsName(tag)) && (folder is null || (folder.Length <= 200 && !folder.Contains("..")));

    private static string Highlight(string text) =>
        WebUtility.HtmlEncode(text).Replace(MatchStart.ToString(), "<mark>").Replace(MatchEnd.ToString(), "</mark>");
}
