using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Quiz;

public sealed record QuizSummary(int Id, string Title, QuizMode Mode, DateTime CreatedAt, int Questions, int Answered, int Correct, bool Finished);

public sealed class StartQuizInput
{
    [Required]
    public string Source { get; set; } = "all";

    [Range(1, QuizBuilder.MaxQuestions)]
    public int Count { get; set; } = 10;

    public QuizMode Mode { get; set; } = QuizMode.Practice;
}

/// <summary>Start a quiz from a note, a section, a tag, weak topics or due reviews; resume or review past ones.</summary>
public sealed class IndexModel(IContentIndex index, SageStudyDb db, QuizBuilder builder, QuizSourceOptions sourceOptions) : PageModel
{
    [BindProperty]
    public StartQuizInput Input { get; set; } = new();

    public IReadOnlyList<QuizSummary> Unfinished { get; private set; } = [];
    public IReadOnlyList<QuizSummary> Finished { get; private set; } = [];
    /// <summary>The tag, note and section choices, the current source among them selected.</summary>
    public IHtmlContent SourceChoices => sourceOptions.For(Input.Source);
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? source, int? count, QuizMode? mode)
    {
        if (QuizSource.TryParse(source, out var parsed))
        {
            Input.Source = parsed.ToString();
        }

        Input.Count = count is > 0 and <= QuizBuilder.MaxQuestions ? count.Value : Input.Count;
        Input.Mode = mode ?? Input.Mode;
        await LoadHistoryAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid || !QuizSource.TryParse(Input.Source, out var source) || !Enum.IsDefined(Input.Mode))
        {
            Message = "Choose what to quiz on, and between 1 and 100 questions.";
            await LoadHistoryAsync();
            return BadRequestPage();
        }

        if (User.LearnerId() is not { } learnerId)
        {
            return Redirect($"/quiz/try?source={Uri.EscapeDataString(source.ToString())}&count={Input.Count}");
        }

        var session = await builder.StartAsync(learnerId, new QuizRequest(source, Input.Mode, Input.Count), HttpContext.RequestAborted);
        if (session is null)
        {
            Message = source.Kind switch
            {
                QuizSourceKind.Due => "Nothing is due for review right now. Well done!",
                QuizSourceKind.Weak => "No weak topics yet: answer a few questions first.",
                _ => $"There are no questions for {source.Describe(index.Current)} yet.",
            };
            await LoadHistoryAsync();
            return Page();
        }

        return Redirect($"/quiz/{session.Id}");
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadHistoryAsync()
    {
        if (User.LearnerId() is not { } learnerId)
        {
            return;
        }

        var sessions = await db.QuizSessions.AsNoTracking()
            .Where(s => s.LearnerId == learnerId)
            .OrderByDescending(s => s.CreatedAt)
            .Take(30)
            .Select(s => new QuizSummary(s.Id, s.Title, s.Mode, s.CreatedAt, s.Items.Count,
                s.Items.Count(i => i.Chosen != null), s.Items.Count(i => i.Correct == true), s.FinishedAt != null))
            .ToListAsync();
        Unfinished = sessions.Where(s => !s.Finished).ToList();
        Finished = sessions.Where(s => s.Finished).ToList();
    }
}
