using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Quiz;

/// <summary>One question of a quiz. Answers are saved as given, so a closed tab loses nothing.</summary>
[Authorize]
public sealed class TakeModel(SageStudyDb db, IContentIndex index, AnswerRecorder recorder, TimeProvider clock) : PageModel
{
    public QuizSession Session { get; private set; } = null!;
    public QuizItem Item { get; private set; } = null!;
    public QuestionView? View { get; private set; }
    public bool IsLast => Item.Position == Session.Items.Count;
    public bool IsExam => Session.Mode == QuizMode.Exam;
    public bool TimeUp => Session.Deadline is { } deadline && clock.GetUtcNow().UtcDateTime > deadline;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? position)
    {
        if (!await LoadAsync(id, position))
        {
            return NotFound();
        }

        if (Session.FinishedAt is not null)
        {
            return Redirect($"/quiz/{id}/result");
        }

        if (position is null)
        {
            // Resume where the learner left off.
            var next = Session.Items.FirstOrDefault(i => i.Chosen is null) ?? Session.Items[^1];
            return Redirect($"/quiz/{id}/{next.Position}");
        }

        await recorder.MarkShownAsync(User.LearnerId()!, id, Item.Position, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, int position, int[] chosen) =>
        await AnswerAsync(id, position, chosen, then: $"/quiz/{id}/{position}");

    /// <summary>Exam mode: saves the answer (if any) and the flag, then moves on.</summary>
    public async Task<IActionResult> OnPostNextAsync(int id, int position, int[] chosen, bool flagged)
    {
        if (!await LoadAsync(id, position))
        {
            return NotFound();
        }

        await db.QuizItems.Where(i => i.Id == Item.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Flagged, flagged));
        var next = Math.Min(position + 1, Session.Items.Count);
        return chosen.Length == 0 ? Redirect($"/quiz/{id}/{next}") : await AnswerAsync(id, position, chosen, then: $"/quiz/{id}/{next}");
    }

    public async Task<IActionResult> OnPostFinishAsync(int id, int position, int[] chosen, bool flagged)
    {
        if (!await LoadAsync(id, position))
        {
            return NotFound();
        }

        if (IsExam)
        {
            await db.QuizItems.Where(i => i.Id == Item.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Flagged, flagged));
        }

        if (chosen.Length > 0 && !TimeUp && (IsExam || Item.Chosen is null))
        {
            var result = await recorder.AnswerAsync(User.LearnerId()!, id, position, chosen, HttpContext.RequestAborted);
            if (result.Outcome == AnswerOutcome.Invalid)
            {
                return await ShowAsync(id, position, result.Message);
            }
        }

        return await recorder.FinishAsync(User.LearnerId()!, id, HttpContext.RequestAborted)
            ? Redirect($"/quiz/{id}/result")
            : NotFound();
    }

    private async Task<IActionResult> AnswerAsync(int id, int position, int[] chosen, string then)
    {
        var result = await recorder.AnswerAsync(User.LearnerId()!, id, position, chosen, HttpContext.RequestAborted);
        return result.Outcome switch
        {
            AnswerOutcome.NotFound => NotFound(),
            AnswerOutcome.Recorded or AnswerOutcome.AlreadyAnswered => Redirect(then),
            AnswerOutcome.Finished => Redirect($"/quiz/{id}/result"),
            _ => await ShowAsync(id, position, result.Message),
        };
    }

    private async Task<IActionResult> ShowAsync(int id, int position, string message)
    {
        if (!await LoadAsync(id, position))
        {
            return NotFound();
        }

        Message = message;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int id, int? position)
    {
        var learnerId = User.LearnerId();
        var session = await db.QuizSessions.AsNoTracking()
            .Include(s => s.Items.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(s => s.Id == id && s.LearnerId == learnerId, HttpContext.RequestAborted);
        if (session is null || session.Items.Count == 0)
        {
            return false;
        }

        var item = position is null ? session.Items[0] : session.Items.FirstOrDefault(i => i.Position == position);
        if (item is null)
        {
            return false;
        }

        Session = session;
        Item = item;
        View = index.Questions.Find(item.QuestionId) is { } question
            ? new QuestionView(question, QuestionView.ParseChosen(item.Chosen), ShowFeedback: !IsExam && item.Chosen is not null)
            : null;
        return true;
    }
}
