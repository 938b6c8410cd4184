using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>
/// Screenshots for the docs, written to docs/screenshots/ in the clone. Each waits for what the
/// picture is about, so a broken page fails the test instead of producing a picture of an error.
/// </summary>
public sealed class ScreenshotTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Home()
    {
        await using var session = await portal.OpenAsync();
        await PageReady.OpenAsync(session.Page, "/");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Your study notes", Level = 1 })).ToBeVisibleAsync();
        await SaveAsync(session.Page, "home.png");
    }

    [Fact]
    public async Task Note()
    {
        await using var session = await portal.OpenAsync();
        await OpenSageMakerNoteAsync(session.Page);
        await SaveAsync(session.Page, "note.png");
    }

    [Fact]
    public async Task Note_on_a_phone()
    {
        await using var session = await portal.OpenAsync(BrowserPortal.Phone);
        await OpenSageMakerNoteAsync(session.Page);
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Notes menu" })).ToBeVisibleAsync();
        await SaveAsync(session.Page, "note-phone.png");
    }

    [Fact]
    public async Task Note_in_dark_mode()
    {
        await using var session = await portal.OpenAsync();
        await OpenSageMakerNoteAsync(session.Page);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await session.Page.ReloadAsync();
        await PageReady.DiagramsDrawnAsync(session.Page);
        await SaveAsync(session.Page, "note-dark.png");
    }

    [Fact]
    public async Task Tag()
    {
        await using var session = await portal.OpenAsync();
        await PageReady.OpenAsync(session.Page, "/tags/exam-tip");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "#exam-tip", Level = 1 })).ToBeVisibleAsync();
        await SaveAsync(session.Page, "tag.png");
    }

    [Fact]
    public async Task Search()
    {
        await using var session = await portal.OpenAsync();
        await PageReady.OpenAsync(session.Page, "/search?q=spot+training");
        await Expect(session.Page.Locator("main a[href*='/notes/'][href*='#']").First).ToBeVisibleAsync();
        await SaveAsync(session.Page, "search.png");
    }

    [Fact]
    public async Task Progress()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await Learner.RegisterAsync(page, "sam@example.com");
        await Learner.StartQuizAsync(page, "#exam-tip", questions: 4);
        await Learner.AnswerAllAndFinishAsync(page, questions: 4);

        await PageReady.OpenAsync(page, "/progress");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your progress", Level = 1 })).ToBeVisibleAsync();
        await SaveAsync(page, "progress.png");
    }

    private static async Task OpenSageMakerNoteAsync(IPage page)
    {
        await PageReady.OpenAsync(page, "/notes/sagemaker");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(new Regex("^Amazon SageMaker\\b"));
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.ScreenshotFolder);
        var path = Path.Combine(Repository.ScreenshotFolder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = false });
        Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
    }
}
