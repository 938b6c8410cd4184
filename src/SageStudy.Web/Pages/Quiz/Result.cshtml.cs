using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SageStudy.Content.Questions;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Quiz;

public sealed record ResultRow(QuizItem Item, Question? Question, QuestionRecord? Record);

public sealed record TopicScore(string Topic, string? Href, int Correct, int Total);

/// <summary>A finished quiz: score, per-topic breakdown, every question with a link back to its section.</summary>
[Authorize]
public sealed class ResultModel(SageStudyDb db, IContentIndex index, QuizBuilder builder) : PageModel
{
    public QuizSession Session { get; private set; } = null!;
    public IReadOnlyList<ResultRow> Rows { get; private set; } = [];
    public IReadOnlyList<TopicScore> Topics { get; private set; } = [];
    public int Correct => Rows.Count(r => r.Item.Correct == true);
    public int Wrong => Rows.Count(r => r.Item.Correct == false);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var learnerId = User.LearnerId();
        var session = await db.QuizSessions.AsNoTracking()
            .Include(s => s.Items.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(s => s.Id == id && s.LearnerId == learnerId);
        if (session is null)
        {
            return NotFound();
        }

        if (session.FinishedAt is null)
        {
            return Redirect($"/quiz/{id}");
        }

        var ids = session.Items.Select(i => i.QuestionId).ToList();
        var records = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id);
        Session = session;
        Rows = session.Items.Select(i => new ResultRow(i, index.Questions.Find(i.QuestionId), records.GetValueOrDefault(i.QuestionId))).ToList();
        Topics = Breakdown();
        return Page();
    }

    /// <summary>Retake only the questions answered wrongly, as a practice drill.</summary>
    public async Task<IActionResult> OnPostRetakeAsync(int id)
    {
        var learnerId = User.LearnerId()!;
        var wrong = await db.QuizSessions.Where(s => s.Id == id && s.LearnerId == learnerId)
            .SelectMany(s => s.Items).CountAsync(i => i.Correct == false);
        if (wrong == 0)
        {
            return await db.QuizSessions.AnyAsync(s => s.Id == id && s.LearnerId == learnerId) ? Redirect($"/quiz/{id}/result") : NotFound();
        }

        var session = await builder.StartAsync(learnerId, new QuizRequest(new QuizSource(QuizSourceKind.Retake, id.ToString()), QuizMode.Practice, wrong));
        return session is null ? Redirect($"/quiz/{id}/result") : Redirect($"/quiz/{session.Id}");
    }

    /// <summary>Exams break down by exam domain, drills by note section.</summary>
    private List<TopicScore> Breakdown()
    {
        var snapshot = index.Current;
        return Rows
            .Where(r => r.Record is not null)
            .GroupBy(r => Session.Mode == QuizMode.Exam
                ? (index.Blueprint.DomainOf(r.Record!.Note) ?? snapshot.Find(r.Record.Note)?.Title ?? r.Record.Note, (string?)null)
                : ($"{snapshot.Find(r.Record!.Note)?.Title ?? r.Record.Note} › {r.Record.SectionTitle}", Links.Note(r.Record.Note, r.Record.Anchor)))
            .Select(g => new TopicScore(g.Key.Item1, g.Key.Item2, g.Count(r => r.Item.Correct == true), g.Count()))
            .OrderBy(t => (double)t.Correct / t.Total)
            .ToList();
    }
}
