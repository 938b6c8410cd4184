using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>
/// A portal with one learner who has finished a quiz and is halfway through another, so the
/// signed-in pages (question, feedback, result, progress) have something to show.
/// Tests open sessions as that learner with <see cref="OpenSignedInAsync"/>.
/// </summary>
public sealed class SignedInPortal : BrowserPortal
{
    private string storageStatePath = null!;

    public string FinishedQuizResult { get; private set; } = null!;
    public string AnsweredQuestion { get; private set; } = null!;
    public string UnansweredQuestion { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        storageStatePath = Path.Combine(ContentRoot, "..", "learner-state.json");

        await using var session = await OpenAsync();
        var page = session.Page;
        await Learner.RegisterAsync(page, Learner.NewEmail("a11y"));

        await Learner.StartQuizAsync(page, "#exam-tip", questions: 3);
        await Learner.AnswerAllAndFinishAsync(page, questions: 3);
        FinishedQuizResult = new Uri(page.Url).AbsolutePath;

        await Learner.StartQuizAsync(page, "#exam-tip", questions: 2);
        var quiz = new Uri(page.Url).AbsolutePath;
        await Learner.AnswerFirstOptionAsync(page, Learner.Submit.EnterKey);
        AnsweredQuestion = quiz;
        UnansweredQuestion = quiz[..quiz.LastIndexOf('/')] + "/2";

        await session.Context.StorageStateAsync(new() { Path = storageStatePath });
    }

    public Task<BrowserSession> OpenSignedInAsync() => OpenAsync(storageStatePath: storageStatePath);
}
