using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Content.Questions;
using SageStudy.Web.Indexing;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Quiz;

/// <summary>
/// A quiz for guests: nothing is stored. The seed in the URL fixes which questions are drawn,
/// so the page needs no server state.
/// </summary>
public sealed class TryModel(IContentIndex index) : PageModel
{
    public QuizSource Source { get; private set; } = QuizSource.All;
    public string Title { get; private set; } = "";
    public int Count { get; private set; }
    public int Seed { get; private set; }
    public int Position { get; private set; }
    public int Right { get; private set; }
    public int Total { get; private set; }
    public bool Done { get; private set; }
    public QuestionView? View { get; private set; }
    public string? Message { get; private set; }

    public IActionResult OnGet(string? source, int count = 10, int? seed = null, int i = 1, int right = 0, bool done = false)
    {
        if (!QuizSource.TryParse(source, out var parsed))
        {
            return BadRequest();
        }

        if (seed is null)
        {
            return Redirect($"/quiz/try?source={Uri.EscapeDataString(parsed.ToString())}&count={Math.Clamp(count, 1, QuizBuilder.MaxQuestions)}&seed={Random.Shared.Next(1, int.MaxValue)}");
        }

        return Show(parsed, count, seed.Value, i, right, done, chosen: null);
    }

    public IActionResult OnPost(string? source, int count, int seed, int i, int right, int[] chosen)
    {
        if (!QuizSource.TryParse(source, out var parsed))
        {
            return BadRequest();
        }

        return Show(parsed, count, seed, i, right, done: false, chosen);
    }

    private IActionResult Show(QuizSource source, int count, int seed, int position, int right, bool done, int[]? chosen)
    {
        Source = source;
        Title = source.Describe(index.Current);
        Count = Math.Clamp(count, 1, QuizBuilder.MaxQuestions);
        Seed = seed;
        Done = done;
        if (source.Kind is QuizSourceKind.Weak or QuizSourceKind.Due or QuizSourceKind.Retake)
        {
            Message = "Weak topics and reviews come from your saved answers: sign in to use them.";
            return Page();
        }

        var questions = Draw(source, Count, seed);
        Total = questions.Count;
        Right = Math.Clamp(right, 0, Total);
        if (Total == 0)
        {
            Message = $"There are no questions for {Title} yet.";
            return Page();
        }

        if (position < 1 || position > Total)
        {
            return NotFound();
        }

        Position = position;
        var question = questions[position - 1];
        if (chosen is null)
        {
            View = new QuestionView(question, [], ShowFeedback: false);
            return Page();
        }

        if (AnswerRecorder.Validate(question, chosen) is { } problem)
        {
            Message = problem;
            View = new QuestionView(question, [], ShowFeedback: false);
            var invalid = Page();
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }

        View = new QuestionView(question, chosen, ShowFeedback: true);
        Right += View.IsCorrect ? 1 : 0;
        return Page();
    }

    private List<Question> Draw(QuizSource source, int count, int seed)
    {
        var random = new Random(seed);
        return QuestionPool.For(source, index.Current, index.Questions)
            .OrderBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => (Question: q, Order: random.Next()))
            .OrderBy(p => p.Order)
            .Take(count)
            .Select(p => p.Question)
            .ToList();
    }
}
