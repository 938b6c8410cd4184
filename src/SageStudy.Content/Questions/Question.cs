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
    /// <summary>The prompt and explanation: written out for authored questions, composed from the note's words when read for generated ones.</summary>
    public required QuestionText Text { get; init; }
    /// <summary>The prompt as plain text (Markdown source for authored questions).</summary>
    public string Prompt => Text.Prompt;
    /// <summary>The prompt rendered as safe HTML.</summary>
    public string PromptHtml => Text.PromptHtml;
    public required IReadOnlyList<string> Options { get; init; }
    /// <summary>Indexes into <see cref="Options"/> of the correct options, ascending.</summary>
    public required IReadOnlyList<int> Answers { get; init; }
    public string Explanation => Text.Explanation;
    public string ExplanationHtml => Text.ExplanationHtml;
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Where an authored question is written (content-relative file and 1-based line); null when generated.</summary>
    public string? File { get; init; }
    public int Line { get; init; }

    public bool IsMultipleChoice => Answers.Count > 1;
}

/// <summary>A question's prompt and explanation, as plain text and as safe HTML.</summary>
public abstract record QuestionText
{
    public abstract string Prompt { get; }
    public abstract string PromptHtml { get; }
    public abstract string Explanation { get; }
    public abstract string ExplanationHtml { get; }
}

/// <summary>Text as a question file writes it, rendered once when the file is read.</summary>
public sealed record WrittenQuestionText : QuestionText
{
    public WrittenQuestionText(string prompt, string promptHtml, string explanation, string explanationHtml)
    {
        Prompt = prompt;
        PromptHtml = promptHtml;
        Explanation = explanation;
        ExplanationHtml = explanationHtml;
    }

    public override string Prompt { get; }
    public override string PromptHtml { get; }
    public override string Explanation { get; }
    public override string ExplanationHtml { get; }
}
