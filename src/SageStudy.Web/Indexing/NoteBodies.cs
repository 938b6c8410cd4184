using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;
using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>
/// Notes' HTML, read from the database when a page shows it and kept in a bounded cache. The index
/// in memory holds only outlines, so a start with nothing changed reads no HTML at all, and a
/// thousand notes do not keep their HTML resident twice over (guests' pages are already cached whole).
/// </summary>
public sealed class NoteBodies(IndexStore store, ILogger<NoteBodies> logger) : IDisposable
{
    /// <summary>In characters: about 16 MB, the HTML of several hundred typical notes.</summary>
    private const long BudgetChars = 8 * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetChars });

    public NoteBody For(Note note)
    {
        var key = new ParsedOnce(note);
        if (_cache.TryGetValue(key, out NoteBody? cached) && cached is not null)
        {
            return cached;
        }

        if (store.LoadBody(note.Path) is not { } body)
        {
            logger.LogWarning("No stored HTML for {Path}; the note is parsed again at the next start", note.Path);
            return Missing;
        }

        var size = body.Html.Length + body.UnitHtml.Values.Sum(h => (long)h.Length);
        _cache.Set(key, body, new MemoryCacheEntryOptions { Size = Math.Min(size, BudgetChars) });
        return body;
    }

    private static readonly NoteBody Missing = new(
        "<p class=\"empty-state\">This note's text is missing from the index; it is read again from its file when the portal restarts.</p>",
        new Dictionary<string, string>());

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// One parse of a note: a note whose links changed is parsed again from the same bytes (same hash)
    /// into different HTML, so a body belongs to the note object it was stored with.
    /// </summary>
    private readonly record struct ParsedOnce(Note Note)
    {
        public bool Equals(ParsedOnce other) => ReferenceEquals(Note, other.Note);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Note);
    }
}
