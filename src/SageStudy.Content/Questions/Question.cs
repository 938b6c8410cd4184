namespace SageStudy.Content.Questions;

public enum QuestionSource
{
    Authored,
    Generated,
}

/// <summary>
/// One multiple-choice question tied to the note section that teaches its answer.
/// <see cref="Id"/> is stable: it survives restarts and edits elsewhere in the note,
/// so a learner's history stays attached to it.
/// </summary>
public sealed record Question
{
    public required string Id { get; init; }
    /// <summary>The note path (content-relative, no ".md").</summary>
    public required string Note { get; init; }
    /// <summary>The anchor of the section to re-read.</summary>
    public required string Anchor { get; init; }
    public required QuestionSource Source { get; init; }
    /// <summary>The prompt as plain text (Markdown source for authored questions).</summary>
    public required string Prompt { get; init; }
    /// <summary>The prompt rendered as safe HTML.</summary>
    public required string PromptHtml { get; init; }
    public required IReadOnlyList<string> Options { get; init; }
    /// <summary>Indexes into <see cref="Options"/> of the correct options, ascending.</summary>
    public required IReadOnlyList<int> Answers { get; init; }
    public required string Explanation { get; init; }
    public required string ExplanationHtml { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Where an authored question is written (content-relative file and 1-based line); null when generated.</summary>
    public string? File { get; init; }
    public int Line { get; init; }

    public bool IsMultipleChoice => Answers.Count > 1;
}
