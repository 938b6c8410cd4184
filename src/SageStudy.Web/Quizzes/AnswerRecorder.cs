using Microsoft.EntityFrameworkCore;
using SageStudy.Content.Questions;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Progress;

namespace SageStudy.Web.Quizzes;

public enum AnswerOutcome
{
    Recorded,
    /// <summary>No such quiz or question for this learner: another learner's id looks exactly like a missing one.</summary>
    NotFound,
    Invalid,
    AlreadyAnswered,
    Finished,
    TimeUp,
    /// <summary>The question left the notes since the quiz started.</summary>
    Retired,
}

public sealed record AnswerResult(AnswerOutcome Outcome, string Message = "", bool? Correct = null);

/// <summary>
/// Stores each answer the moment it is given. Practice answers go straight into the learner's
/// history and schedule; exam answers may change until the exam is finished, when all are graded.
/// </summary>
public sealed class AnswerRecorder(SageStudyDb db, IContentIndex index, ProgressCache progress, TimeProvider clock)
{
    /// <summary>A right answer faster than this counts as Easy for the scheduler.</summary>
    public static readonly TimeSpan FastAnswer = TimeSpan.FromSeconds(10);

    /// <summary>How much the newest answer moves <see cref="ReviewState.RecentScore"/>.</summary>
    private const double RecentWeight = 0.35;

    private static readonly TimeSpan MaxCountedTime = TimeSpan.FromMinutes(10);

    private static readonly Fsrs Scheduler = new();

    public async Task<AnswerResult> AnswerAsync(string learnerId, int sessionId, int position, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.QuizSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.LearnerId == learnerId)
            .Select(s => new { s.Mode, s.FinishedAt, s.Deadline })
            .SingleOrDefaultAsync(cancellationToken);
        var item = session is null ? null : await db.QuizItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.QuizSessionId == sessionId && i.Position == position, cancellationToken);
        if (session is null || item is null)
        {
            return new AnswerResult(AnswerOutcome.NotFound, "There is no such question in your quizzes.");
        }

        if (session.FinishedAt is not null)
        {
            return new AnswerResult(AnswerOutcome.Finished, "This quiz is finished; its answers can no longer change.");
        }

        if (session.Deadline is { } deadline && now > deadline)
        {
            return new AnswerResult(AnswerOutcome.TimeUp, "Time is up for this exam. Finish it to see your score.");
        }

        if (index.Questions.Find(item.QuestionId) is not { } question)
        {
            return new AnswerResult(AnswerOutcome.Retired, "This question was removed from the notes; skip to the next one.");
        }

        if (Validate(question, chosen) is { } problem)
        {
            return new AnswerResult(AnswerOutcome.Invalid, problem);
        }

        var correct = chosen.Order().SequenceEqual(question.Answers);
        var chosenText = string.Join(',', chosen.Order());
        var shownAt = item.ShownAt ?? now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (session.Mode == QuizMode.Exam)
        {
            await db.QuizItems.Where(i => i.Id == item.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Chosen, chosenText).SetProperty(i => i.Correct, correct).SetProperty(i => i.AnsweredAt, now), cancellationToken);
        }
        else
        {
            // The conditional update is the first write, so it takes SQLite's write lock: of two
            // simultaneous submissions of one question, exactly one is recorded.
            var updated = await db.QuizItems.Where(i => i.Id == item.Id && i.Chosen == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Chosen, chosenText).SetProperty(i => i.Correct, correct).SetProperty(i => i.AnsweredAt, now), cancellationToken);
            if (updated == 0)
            {
                return new AnswerResult(AnswerOutcome.AlreadyAnswered, "You already answered this question.", item.Correct);
            }

            await RecordAsync(learnerId, sessionId, question.Id, chosenText, correct, now - shownAt, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        progress.Forget(learnerId);
        return new AnswerResult(AnswerOutcome.Recorded, Correct: correct);
    }

    /// <summary>Ends a quiz; an exam's answers enter the learner's history now.</summary>
    public async Task<bool> FinishAsync(string learnerId, int sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var finished = await db.QuizSessions.Where(s => s.Id == sessionId && s.LearnerId == learnerId && s.FinishedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FinishedAt, now), cancellationToken);
        if (finished == 0)
        {
            return await db.QuizSessions.AnyAsync(s => s.Id == sessionId && s.LearnerId == learnerId, cancellationToken);
        }

        var session = await db.QuizSessions.AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == sessionId, cancellationToken);
        if (session.Mode == QuizMode.Exam)
        {
            foreach (var item in session.Items.Where(i => i.Chosen is not null && i.Correct is not null))
            {
                await RecordAsync(learnerId, sessionId, item.QuestionId, item.Chosen!, item.Correct!.Value,
                    (item.AnsweredAt ?? now) - (item.ShownAt ?? session.CreatedAt), item.AnsweredAt ?? now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        progress.Forget(learnerId);
        return true;
    }

    /// <summary>Notes when a question was first shown, so the answer's time can be measured.</summary>
    public Task MarkShownAsync(string learnerId, int sessionId, int position, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.QuizItems
            .Where(i => i.QuizSessionId == sessionId && i.Position == position && i.ShownAt == null
                && db.QuizSessions.Any(s => s.Id == sessionId && s.LearnerId == learnerId))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ShownAt, now), cancellationToken);
    }

    public static string? Validate(Question question, IReadOnlyCollection<int> chosen)
    {
        if (chosen.Count == 0)
        {
            return "Choose an option first.";
        }

        if (chosen.Any(c => c < 0 || c >= question.Options.Count) || chosen.Distinct().Count() != chosen.Count)
        {
            return "That option is not part of this question.";
        }

        if (!question.IsMultipleChoice && chosen.Count != 1)
        {
            return "Choose exactly one option.";
        }

        return null;
    }

    private async Task RecordAsync(string learnerId, int sessionId, string questionId, string chosen, bool correct, TimeSpan taken, DateTime at, CancellationToken cancellationToken)
    {
        taken = taken < TimeSpan.Zero ? TimeSpan.Zero : taken > MaxCountedTime ? MaxCountedTime : taken;
        db.Answers.Add(new Answer
        {
            LearnerId = learnerId,
            QuestionId = questionId,
            QuizSessionId = sessionId,
            Chosen = chosen,
            Correct = correct,
            TimeTakenMs = (int)taken.TotalMilliseconds,
            AnsweredAt = at,
        });

        var grade = Fsrs.GradeFor(correct, taken, FastAnswer);
        var state = await db.ReviewStates.SingleOrDefaultAsync(s => s.LearnerId == learnerId && s.QuestionId == questionId, cancellationToken);
        if (state is null)
        {
            var memory = Scheduler.First(grade);
            db.ReviewStates.Add(state = new ReviewState
            {
                LearnerId = learnerId,
                QuestionId = questionId,
                Stability = memory.Stability,
                Difficulty = memory.Difficulty,
                RecentScore = correct ? 1 : 0,
            });
        }
        else
        {
            var elapsedDays = Math.Max(0, (at - state.LastAnsweredAt).TotalDays);
            var memory = Scheduler.Next(new MemoryState(state.Stability, state.Difficulty), elapsedDays, grade);
            (state.Stability, state.Difficulty) = (memory.Stability, memory.Difficulty);
            state.RecentScore = (1 - RecentWeight) * state.RecentScore + RecentWeight * (correct ? 1 : 0);
        }

        state.Attempts++;
        state.CorrectCount += correct ? 1 : 0;
        state.LastAnsweredAt = at;
        // A miss is due again at once (a relearning step); otherwise FSRS says when recall drops to 90%.
        state.DueAt = grade == Grade.Again ? at : at + TimeSpan.FromDays(Scheduler.IntervalDays(new MemoryState(state.Stability, state.Difficulty)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
