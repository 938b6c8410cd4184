using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

public sealed partial class QuizJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Register_take_a_tag_quiz_by_keyboard_and_buttons_and_see_the_answers_on_progress()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await Learner.RegisterAsync(page, Learner.NewEmail("journey"));
        await Learner.StartQuizAsync(page, "#exam-tip", questions: 3);
        // Every option picked with the "1" key; questions 1 and 3 sent with Enter, question 2 with "Check".
        await Learner.AnswerAllAndFinishAsync(page, questions: 3);

        var score = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync() ?? "";
        var match = Score().Match(score);
        Assert.True(match.Success, $"the result heading should read 'N of 3 correct', it reads '{score}'");
        var correct = int.Parse(match.Groups[1].Value);

        await page.GetByRole(AriaRole.Link, new() { Name = "See my progress" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/progress$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your progress", Level = 1 })).ToBeVisibleAsync();
        var answered = page.Locator(".stat", new() { Has = page.GetByText("answered", new() { Exact = true }) });
        await Expect(answered.Locator(".stat-value")).ToHaveTextAsync("3");
        if (correct < 3)
        {
            // A wrong answer makes its section a weak topic, with a way back to the note.
            var reRead = page.GetByRole(AriaRole.Link, new() { Name = "Re-read", Exact = true }).First;
            await Expect(reRead).ToBeVisibleAsync();
            await Expect(reRead).ToHaveAttributeAsync("href", new Regex("^/notes/.+#.+"));
        }
    }

    [GeneratedRegex(@"^\s*(\d) of 3 correct")]
    private static partial Regex Score();
}
