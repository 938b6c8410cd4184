using Microsoft.EntityFrameworkCore;
using SageStudy.Content.Questions;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Quizzes;

public sealed record QuizRequest(QuizSource Source, QuizMode Mode, int Count);

/// <summary>
/// Draws the questions of a new quiz. Drills lean towards what the learner gets wrong or has
/// due; exam mode never does, so its score predicts the real exam's.
/// </summary>
public sealed class QuizBuilder(SageStudyDb db, IContentIndex index, TimeProvider clock)
{
    public const int MaxQuestions = 100;

    /// <summary>Exam mode allows the real exam's pace: 130 minutes for 65 questions.</summary>
    public static readonly TimeSpan ExamTimePerQuestion = TimeSpan.FromMinutes(2);

    /// <summary>Creates the quiz, or returns null when the source holds no question.</summary>
    public async Task<QuizSession?> StartAsync(string learnerId, QuizRequest request, CancellationToken cancellationToken = default)
    {
        var count = Math.Clamp(request.Count, 1, MaxQuestions);
        var now = clock.GetUtcNow().UtcDateTime;
        var random = Random.Shared;
        var questions = request.Mode == QuizMode.Exam
            ? ExamDraw(count, random)
            : await DrillDraw(learnerId, request.Source, count, now, random, cancellationToken);
        if (questions.Count == 0)
        {
            return null;
        }

        var session = new QuizSession
        {
            LearnerId = learnerId,
            Mode = request.Mode,
            Source = request.Source.ToString(),
            Title = request.Source.Describe(index.Current),
            CreatedAt = now,
            Deadline = request.Mode == QuizMode.Exam ? now + ExamTimePerQuestion * questions.Count : null,
            Items = questions.Select((q, i) => new QuizItem { Position = i + 1, QuestionId = q.Id }).ToList(),
        };
        db.QuizSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Exam questions are the exam-style authored ones, in the blueprint's domain proportions.</summary>
    private List<Question> ExamDraw(int count, Random random)
    {
        var bank = index.Questions.All;
        var authored = bank.Where(q => q.Source == QuestionSource.Authored).ToList();
        var pool = authored.Count >= count ? authored : bank;
        return index.Blueprint.Draw(pool, count, random).ToList();
    }

    private async Task<List<Question>> DrillDraw(string learnerId, QuizSource source, int count, DateTime now, Random random, CancellationToken cancellationToken)
    {
        var bank = index.Questions;
        var states = await db.ReviewStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId)
            .Select(s => new { s.QuestionId, s.RecentScore, s.DueAt })
            .ToDictionaryAsync(s => s.QuestionId, cancellationToken);

        IEnumerable<Question> pool = source.Kind switch
        {
            QuizSourceKind.Due => states.Values.Where(s => s.DueAt <= now).OrderBy(s => s.DueAt)
                .Select(s => bank.Find(s.QuestionId)).OfType<Question>(),
            QuizSourceKind.Weak => states.Values.Where(s => s.RecentScore < ProgressReport.MasteredScore)
                .Select(s => bank.Find(s.QuestionId)).OfType<Question>(),
            QuizSourceKind.Retake => (await WrongAnswersOf(learnerId, int.Parse(source.Value), cancellationToken))
                .Select(bank.Find).OfType<Question>(),
            _ => QuestionPool.For(source, index.Current, bank),
        };

        // Weak and due questions first, unseen ones next, well-known ones last; a little noise keeps drills varied.
        // Only the best `count` are kept while scanning: a drill over all notes would otherwise sort an array of
        // every question in the bank, a large-object allocation per quiz that the GC keeps as resident memory.
        var best = new PriorityQueue<Question, double>(count + 1);
        foreach (var question in pool)
        {
            var priority = states.TryGetValue(question.Id, out var s)
                ? (1 - s.RecentScore) + (s.DueAt <= now ? 0.5 : 0) + random.NextDouble() * 0.2
                : 0.6 + random.NextDouble() * 0.2;
            if (best.Count < count)
            {
                best.Enqueue(question, priority);
            }
            else
            {
                best.EnqueueDequeue(question, priority);
            }
        }

        var drawn = best.UnorderedItems.Select(item => item.Element).ToArray();
        random.Shuffle(drawn);
        return [.. drawn];
    }

    private async Task<List<string>> WrongAnswersOf(string learnerId, int sessionId, CancellationToken cancellationToken) =>
        await db.QuizSessions
            .Where(s => s.Id == sessionId && s.LearnerId == learnerId)
            .SelectMany(s => s.Items)
            .Where(i => i.Correct == false)
            .OrderBy(i => i.Position)
            .Select(i => i.QuestionId)
            .ToListAsync(cancellationToken);
}
