using Microsoft.AspNetCore.Mvc.RazorPages;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Pages.Progress;

/// <summary>The learner's weakest topics first, what is due, and accuracy over time.</summary>
public sealed class IndexModel(ProgressReport report, TimeProvider clock) : PageModel
{
    /// <summary>The weakest notes and tags shown; a long tail of well-known ones only makes the page slower to read and load.</summary>
    public const int MaxRows = 20;

    public Quizzes.Progress Report { get; private set; } = null!;
    public string Chart { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Report = await report.ForAsync(User.LearnerId()!, HttpContext.RequestAborted);
        Chart = AccuracyChart.Svg(Report.Daily, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
