using Microsoft.EntityFrameworkCore;
using SageStudy.Content;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Progress;

namespace SageStudy.Web.Quizzes;

public sealed record TopicMastery(string Note, string Anchor, string Title, string NoteTitle, double Mastery, int Answered, bool Retired);

public sealed record TagMastery(string Tag, double Mastery, int Questions);

public sealed record DailyAccuracy(DateOnly Day, int Answered, int Correct)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

public sealed record Progress(
    int Answered,
    int Correct,
    int Due,
    IReadOnlyList<TopicMastery> WeakTopics,
    IReadOnlyList<TopicMastery> Notes,
    IReadOnlyList<TagMastery> Tags,
    IReadOnlyList<DailyAccuracy> Daily)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>
/// A learner's mastery per section, note and tag: recent accuracy (newer answers weigh more)
/// blended with FSRS retrievability (how likely they still remember it today).
/// </summary>
public sealed class ProgressReport(SageStudyDb db, IContentIndex index, ProgressCache cache, TimeProvider clock)
{
    /// <summary>Below this a topic counts as weak.</summary>
    public const double MasteredScore = 0.8;

    private const int ChartDays = 30;
    private const int MaxWeakTopics = 12;
    private static readonly Fsrs Scheduler = new();

    /// <summary>What the report needs of one review state and its question, read without a date conversion where SQL can compare.</summary>
    private sealed record StateRow(
        string Note, string Anchor, string SectionTitle, string Tags, bool Retired,
        double Stability, double Difficulty, DateTime LastAnsweredAt, bool IsDue, int Attempts, int CorrectCount, double RecentScore);

    public async Task<Progress> ForAsync(string learnerId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = index.Current;
        if (cache.TryGet(learnerId, snapshot.BuiltAt, now, out var cached))
        {
            return cached;
        }

        var version = cache.Version;
        var progress = await ComputeAsync(learnerId, snapshot, now, cancellationToken);
        cache.Store(learnerId, version, snapshot.BuiltAt, now, progress);
        return progress;
    }

    private async Task<Progress> ComputeAsync(string learnerId, ContentSnapshot snapshot, DateTime now, CancellationToken cancellationToken)
    {
        var states = await db.ReviewStates
            .Where(s => s.LearnerId == learnerId)
            .Join(db.Questions, s => s.QuestionId, q => q.Id, (s, q) => new StateRow(
                q.Note, q.Anchor, q.SectionTitle, q.Tags, q.Retired,
                s.Stability, s.Difficulty, s.LastAnsweredAt, s.DueAt <= now, s.Attempts, s.CorrectCount, s.RecentScore))
            .ToListAsync(cancellationToken);

        var scored = states.Select(s => new
        {
            s.Note, s.Anchor, s.SectionTitle, s.Retired, s.Attempts,
            Tags = s.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Mastery = 0.6 * s.RecentScore + 0.4 * Scheduler.Retrievability(new MemoryState(s.Stability, s.Difficulty), Math.Max(0, (now - s.LastAnsweredAt).TotalDays)),
        }).ToList();

        var sections = scored
            .GroupBy(s => (s.Note, s.Anchor))
            .Select(g => new TopicMastery(g.Key.Note, g.Key.Anchor,
                snapshot.Find(g.Key.Note)?.Headings.FirstOrDefault(h => h.Anchor == g.Key.Anchor)?.Title ?? g.First().SectionTitle,
                snapshot.Find(g.Key.Note)?.Title ?? g.Key.Note,
                g.Average(s => s.Mastery), g.Sum(s => s.Attempts), g.All(s => s.Retired)))
            .ToList();
        var notes = scored
            .GroupBy(s => s.Note)
            .Select(g => new TopicMastery(g.Key, "", snapshot.Find(g.Key)?.Title ?? g.Key, snapshot.Find(g.Key)?.Title ?? g.Key,
                g.Average(s => s.Mastery), g.Sum(s => s.Attempts), snapshot.Find(g.Key) is null))
            .OrderBy(n => n.Mastery)
            .ToList();
        var tags = scored
            .SelectMany(s => s.Tags.Select(t => (Tag: t, s.Mastery)))
            .GroupBy(t => t.Tag)
            .Select(g => new TagMastery(g.Key, g.Average(t => t.Mastery), g.Count()))
            .OrderBy(t => t.Mastery)
            .ToList();

        // Every recorded answer also counts in its question's review state, so the totals need no scan of the answers.
        return new Progress(
            states.Sum(s => s.Attempts),
            states.Sum(s => s.CorrectCount),
            states.Count(s => !s.Retired && s.IsDue),
            sections.Where(s => s.Mastery < MasteredScore && !s.Retired).OrderBy(s => s.Mastery).Take(MaxWeakTopics).ToList(),
            notes,
            tags,
            await DailyAsync(learnerId, now, cancellationToken));
    }

    private sealed record DailyRow(string Day, int Answered, int Correct);

    /// <summary>Answers per day: grouped on the stored text's date part, which spares a date conversion per row.</summary>
    private async Task<List<DailyAccuracy>> DailyAsync(string learnerId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.Date.AddDays(1 - ChartDays);
        var days = await db.Database.SqlQuery<DailyRow>($"""
            SELECT substr(AnsweredAt, 1, 10) AS Day, COUNT(*) AS Answered, SUM(Correct) AS Correct
            FROM Answers WHERE LearnerId = {learnerId} AND AnsweredAt >= {since}
            GROUP BY substr(AnsweredAt, 1, 10)
            """).ToListAsync(cancellationToken);
        return days
            .Select(d => new DailyAccuracy(DateOnly.ParseExact(d.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Answered, d.Correct))
            .OrderBy(d => d.Day)
            .ToList();
    }
}
