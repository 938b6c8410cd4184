namespace SageStudy.Web.Data;

public enum QuizMode
{
    Practice,
    Exam,
}

/// <summary>
/// Every question the portal has ever offered, kept after it leaves the notes (then
/// <see cref="Retired"/>) so a learner's history for it is still shown.
/// </summary>
public sealed class QuestionRecord
{
    public required string Id { get; set; }
    public required string Note { get; set; }
    public required string Anchor { get; set; }
    public required string SectionTitle { get; set; }
    public required string Prompt { get; set; }
    public required string Source { get; set; }
    /// <summary>Space-separated tag names.</summary>
    public required string Tags { get; set; }
    public bool Retired { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One quiz a learner started: the drawn questions in order, answered one by one.</summary>
public sealed class QuizSession
{
    public int Id { get; set; }
    public required string LearnerId { get; set; }
    public QuizMode Mode { get; set; }
    /// <summary>What it was drawn from, e.g. "tag:exam-tip" (see <c>QuizSource</c>).</summary>
    public required string Source { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Exam mode only: answers after this are refused.</summary>
    public DateTime? Deadline { get; set; }
    public DateTime? FinishedAt { get; set; }
    public List<QuizItem> Items { get; set; } = [];
}

public sealed class QuizItem
{
    public int Id { get; set; }
    public int QuizSessionId { get; set; }
    public int Position { get; set; }
    public required string QuestionId { get; set; }
    public bool Flagged { get; set; }
    /// <summary>Chosen option indexes, comma-separated; null until answered.</summary>
    public string? Chosen { get; set; }
    public bool? Correct { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>When the question was first shown, to measure the time taken.</summary>
    public DateTime? ShownAt { get; set; }
}

/// <summary>One answer as given: never changed or deleted except with the learner's account.</summary>
public sealed class Answer
{
    public long Id { get; set; }
    public required string LearnerId { get; set; }
    public required string QuestionId { get; set; }
    public int? QuizSessionId { get; set; }
    public required string Chosen { get; set; }
    public bool Correct { get; set; }
    public int TimeTakenMs { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>A learner's memory of one question: FSRS state plus running accuracy.</summary>
public sealed class ReviewState
{
    public required string LearnerId { get; set; }
    public required string QuestionId { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public DateTime LastAnsweredAt { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public int CorrectCount { get; set; }
    /// <summary>Accuracy with recent answers weighing more (exponentially weighted, 0..1).</summary>
    public double RecentScore { get; set; }
}
