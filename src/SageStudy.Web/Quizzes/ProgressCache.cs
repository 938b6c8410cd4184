using System.Collections.Concurrent;

namespace SageStudy.Web.Quizzes;

/// <summary>
/// Each learner's last progress report, kept until they answer again, the notes change, or a minute
/// passes (retrievability and what is due move with the clock, but not visibly within a minute).
/// </summary>
public sealed class ProgressCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 1000;

    private sealed record Entry(Progress Report, DateTimeOffset SnapshotBuiltAt, DateTime ComputedAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _forgets;

    /// <summary>Taken before reading the database: a report is stored only if no answer was recorded meanwhile.</summary>
    public long Version => Interlocked.Read(ref _forgets);

    public bool TryGet(string learnerId, DateTimeOffset snapshotBuiltAt, DateTime now, out Progress report)
    {
        if (_entries.TryGetValue(learnerId, out var entry) && entry.SnapshotBuiltAt == snapshotBuiltAt && now - entry.ComputedAt < Lifetime)
        {
            report = entry.Report;
            return true;
        }

        report = null!;
        return false;
    }

    public void Store(string learnerId, long version, DateTimeOffset snapshotBuiltAt, DateTime computedAt, Progress report)
    {
        if (_entries.Count > SweepAbove)
        {
            foreach (var (id, entry) in _entries)
            {
                if (computedAt - entry.ComputedAt >= Lifetime)
                {
                    _entries.TryRemove(id, out _);
                }
            }
        }

        _entries[learnerId] = new Entry(report, snapshotBuiltAt, computedAt);
        // An answer recorded while this report was computed may be missing from it: drop it again.
        if (Version != version)
        {
            _entries.TryRemove(learnerId, out _);
        }
    }

    /// <summary>Called once a learner's answers are committed (or their account is gone).</summary>
    public void Forget(string learnerId)
    {
        Interlocked.Increment(ref _forgets);
        _entries.TryRemove(learnerId, out _);
    }
}
