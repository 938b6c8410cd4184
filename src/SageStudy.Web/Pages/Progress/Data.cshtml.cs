using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web.Data;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Progress;

public sealed record ExportedAnswer(
    DateTime AnsweredAt,
    string QuestionId,
    string Note,
    string Anchor,
    string Prompt,
    string Chosen,
    bool Correct,
    int TimeTakenMs,
    int? QuizId);

/// <summary>"My data": every answer as JSON or CSV, and deleting the account with all its data.</summary>
public sealed class DataModel(SageStudyDb db, UserManager<Learner> users, SignInManager<Learner> signIn, ProgressCache progress) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public int AnswerCount { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync() => AnswerCount = await db.Answers.CountAsync(a => a.LearnerId == User.LearnerId());

    public async Task<IActionResult> OnGetJsonAsync() =>
        File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(await ExportAsync(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true }),
            "application/json", "sagestudy-answers.json");

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var csv = new StringBuilder("answered_at,question_id,note,anchor,prompt,chosen,correct,time_taken_ms,quiz_id\n");
        foreach (var a in await ExportAsync())
        {
            csv.AppendJoin(',', a.AnsweredAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Field(a.QuestionId), Field(a.Note), Field(a.Anchor),
                Field(a.Prompt), Field(a.Chosen), a.Correct ? "true" : "false", a.TimeTakenMs.ToString(CultureInfo.InvariantCulture),
                a.QuizId?.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "sagestudy-answers.csv");
    }

    /// <summary>Deletes the learner and, through cascades, their quizzes, answers and schedule.</summary>
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var learner = await users.GetUserAsync(User);
        if (learner is null)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(learner, Password))
        {
            Message = "That password is not right; nothing was deleted.";
            AnswerCount = await db.Answers.CountAsync(a => a.LearnerId == learner.Id);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var result = await users.DeleteAsync(learner);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Deleting learner {learner.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        progress.Forget(learner.Id);
        await signIn.SignOutAsync();
        return Redirect("/?deleted=1");
    }

    private async Task<List<ExportedAnswer>> ExportAsync()
    {
        var learnerId = User.LearnerId();
        return await db.Answers.AsNoTracking()
            .Where(a => a.LearnerId == learnerId)
            .OrderBy(a => a.AnsweredAt)
            .GroupJoin(db.Questions, a => a.QuestionId, q => q.Id, (a, q) => new { a, q })
            .SelectMany(x => x.q.DefaultIfEmpty(), (x, q) => new ExportedAnswer(x.a.AnsweredAt, x.a.QuestionId, q == null ? "" : q.Note,
                q == null ? "" : q.Anchor, q == null ? "" : q.Prompt, x.a.Chosen, x.a.Correct, x.a.TimeTakenMs, x.a.QuizSessionId))
            .ToListAsync();
    }

    /// <summary>CSV quoting; a leading formula character is neutralised so spreadsheets don't run it.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
