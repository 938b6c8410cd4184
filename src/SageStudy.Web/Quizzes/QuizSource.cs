using SageStudy.Content;

namespace SageStudy.Web.Quizzes;

public enum QuizSourceKind
{
    All,
    Note,
    Section,
    Tag,
    Weak,
    Due,
    Retake,
}

/// <summary>
/// What a quiz is drawn from, written as text so it fits a URL and a database column:
/// <c>all</c>, <c>note:mlops/mlops-deployment</c>, <c>section:sagemaker#training</c>,
/// <c>tag:exam-tip</c>, <c>weak</c>, <c>due</c>, <c>retake:42</c>.
/// </summary>
public sealed record QuizSource(QuizSourceKind Kind, string Value = "")
{
    public static readonly QuizSource All = new(QuizSourceKind.All);

    public static bool TryParse(string? text, out QuizSource source)
    {
        source = All;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return string.IsNullOrWhiteSpace(text);
        }

        var colon = text.IndexOf(':');
        var kindText = colon < 0 ? text : text[..colon];
        var value = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (!Enum.TryParse<QuizSourceKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return false;
        }

        var valid = kind switch
        {
            QuizSourceKind.All or QuizSourceKind.Weak or QuizSourceKind.Due => value.Length == 0,
            QuizSourceKind.Note => value.Length > 0 && !value.Contains('#'),
            QuizSourceKind.Section => value.IndexOf('#') is > 0 and var hash && hash < value.Length - 1,
            QuizSourceKind.Tag => TagSyntax.IsName(value.TrimStart('#').ToLowerInvariant()),
            QuizSourceKind.Retake => int.TryParse(value, out var id) && id > 0,
            _ => false,
        };
        if (!valid)
        {
            return false;
        }

        source = new QuizSource(kind, kind == QuizSourceKind.Tag ? value.TrimStart('#').ToLowerInvariant() : value);
        return true;
    }

    public string NotePath => Kind == QuizSourceKind.Section ? Value[..Value.IndexOf('#')] : Value;

    public string Anchor => Kind == QuizSourceKind.Section ? Value[(Value.IndexOf('#') + 1)..] : "";

    public override string ToString() => Value.Length == 0 ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{Value}";

    /// <summary>A title for people, using note and section titles where the snapshot has them.</summary>
    public string Describe(ContentSnapshot snapshot) => Kind switch
    {
        QuizSourceKind.All => "All notes",
        QuizSourceKind.Note => snapshot.Find(Value)?.Title ?? Value,
        QuizSourceKind.Section => snapshot.Find(NotePath) is { } note
            ? $"{note.Title} › {note.Headings.FirstOrDefault(h => h.Anchor == Anchor)?.Title ?? Anchor}"
            : Value,
        QuizSourceKind.Tag => "#" + Value,
        QuizSourceKind.Weak => "My weak topics",
        QuizSourceKind.Due => "Due for review",
        QuizSourceKind.Retake => "Retake of the questions I got wrong",
        _ => ToString(),
    };
}
