using System.Collections.Concurrent;

namespace SageStudy.Content;

/// <summary>How much work a build did: unchanged notes are reused, not parsed again.</summary>
public sealed record BuildStats(int Notes, int Parsed, int Reused, int Problems, TimeSpan Elapsed);

/// <param name="Parsed">The notes parsed in this build, with their search text; reused notes are not in it.</param>
public sealed record BuildResult(ContentSnapshot Snapshot, BuildStats Stats, IReadOnlyList<NoteSearchText> Parsed);

/// <summary>Builds a snapshot from scanned files, re-parsing only what changed since the notes it already knows.</summary>
public sealed class ContentIndexBuilder(NoteParser parser)
{
    /// <param name="parsedNote">
    /// Called with each note as soon as it is parsed, on the parsing thread: lets the caller store notes while the
    /// rest are parsed. The only place a note's HTML is handed over: the build keeps none, so it dies young
    /// instead of being copied by every collection until the build ends.
    /// </param>
    public BuildResult Build(ScanResult scan, IReadOnlyDictionary<string, Note> known, Action<ParsedNote>? parsedNote = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var paths = scan.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var notes = new ConcurrentBag<Note>();
        var parsed = new ConcurrentBag<NoteSearchText>();
        var problems = new ConcurrentBag<ContentProblem>(scan.Problems);

        Parallel.ForEach(scan.Files, file =>
        {
            // A note whose bytes are unchanged is reused unless a link it renders changed state (target added or removed).
            if (known.TryGetValue(file.Path, out var previous) && previous.Hash == file.Hash
                && previous.Links.All(l => l.Resolved == paths.Contains(l.Target)))
            {
                notes.Add(previous);
                return;
            }

            ParsedNote result;
            try
            {
                result = parser.Parse(file.Path, file.Text, file.Hash, paths.Contains);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add(new ContentProblem(file.Path + NotePaths.Extension, null, $"The note could not be parsed: {e.Message}"));
                return;
            }

            notes.Add(result.Note);
            parsedNote?.Invoke(result);
            parsed.Add(result.SearchText);
        });

        // A file that exists but cannot be read right now (half-written, locked, garbled) keeps its
        // last good version: a learner's note never disappears because of a bad save.
        foreach (var path in scan.Unusable)
        {
            if (known.TryGetValue(path, out var lastGood))
            {
                notes.Add(lastGood);
            }
        }

        var fileProblems = problems
            .Select(p => p.Path.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase) && known.ContainsKey(p.Path[..^NotePaths.Extension.Length])
                && scan.Unusable.Contains(p.Path[..^NotePaths.Extension.Length])
                ? p with { Message = p.Message + " The last good version is still served." }
                : p)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        var snapshot = new ContentSnapshot(notes, fileProblems, DateTimeOffset.UtcNow);
        var stats = new BuildStats(snapshot.Notes.Count, parsed.Count, snapshot.Notes.Count - parsed.Count, snapshot.Problems.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new BuildResult(snapshot, stats, parsed.ToList());
    }
}
