using SageStudy.Content.Questions;

namespace SageStudy.Web.Pages.Quiz;

/// <summary>A question as a page shows it: with the learner's choice and, once checked, the feedback.</summary>
public sealed record QuestionView(Question Question, IReadOnlyCollection<int> Chosen, bool ShowFeedback)
{
    public bool IsCorrect => Chosen.Order().SequenceEqual(Question.Answers);

    public string OptionClass(int option)
    {
        var classes = new List<string> { "option" };
        if (Chosen.Contains(option))
        {
            classes.Add("chosen");
        }

        if (ShowFeedback && Question.Answers.Contains(option))
        {
            classes.Add("correct");
        }
        else if (ShowFeedback && Chosen.Contains(option))
        {
            classes.Add("wrong");
        }

        return string.Join(' ', classes);
    }

    public static IReadOnlyCollection<int> ParseChosen(string? chosen) =>
        string.IsNullOrEmpty(chosen) ? [] : chosen.Split(',').Select(int.Parse).ToList();
}
