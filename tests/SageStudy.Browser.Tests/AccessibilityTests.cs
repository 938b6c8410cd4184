using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>axe-core on every page a learner uses: no serious or critical violation, light and dark.</summary>
public sealed class AccessibilityTests(SignedInPortal portal) : IClassFixture<SignedInPortal>
{
    public static TheoryData<string> GuestPages => new()
    {
        "/",
        "/notes/sagemaker",
        "/notes/mlops/mlops-deployment",
        "/notes/sagemaker?tag=exam-tip",
        "/tags",
        "/tags/exam-tip",
        "/problems",
        "/quiz",
        "/quiz/try?source=tag:exam-tip&count=3",
        "/Identity/Account/Login",
        "/Identity/Account/Register",
        "/search?q=sagemaker",
        "/cram?tag=exam-tip",
    };

    [Theory]
    [MemberData(nameof(GuestPages))]
    public async Task A_guest_page_has_no_serious_violations_in_light_mode(string url)
    {
        await using var session = await portal.OpenAsync();
        await OpenAndCheckAsync(session.Page, url, "light mode");
    }

    public static TheoryData<string> LearnerPages => new()
    {
        "/quiz",
        "unanswered question",
        "answered question",
        "quiz result",
        "/progress",
        "/progress/data",
    };

    [Theory]
    [MemberData(nameof(LearnerPages))]
    public async Task A_signed_in_learner_page_has_no_serious_violations_in_light_mode(string page)
    {
        var url = page switch
        {
            "unanswered question" => portal.UnansweredQuestion,
            "answered question" => portal.AnsweredQuestion,
            "quiz result" => portal.FinishedQuizResult,
            _ => page,
        };
        await using var session = await portal.OpenSignedInAsync();
        await OpenAndCheckAsync(session.Page, url, $"{page}, light mode");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/notes/sagemaker")]
    [InlineData("/notes/mlops/mlops-deployment")]
    // Search guards a fix: the highlighted words in dark-mode snippets were --fg-muted on --mark-bg (3.5:1).
    [InlineData("/search?q=sagemaker")]
    public async Task A_page_has_no_serious_violations_in_dark_mode_chosen_with_the_toggle(string url)
    {
        await using var session = await portal.OpenAsync();
        // What the toggle leaves behind; theme.js applies it before the first paint.
        await session.Context.AddInitScriptAsync("localStorage.setItem('sagestudy-theme', 'dark')");
        await OpenAndCheckAsync(session.Page, url, "dark mode (toggle)", expectDark: true);
    }

    [Fact]
    public async Task A_note_has_no_serious_violations_in_dark_mode_from_the_system_setting()
    {
        const string url = "/notes/sagemaker";
        await using var session = await portal.OpenAsync();
        await session.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAndCheckAsync(session.Page, url, "dark mode (system setting)");
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private static async Task OpenAndCheckAsync(IPage page, string url, string what, bool expectDark = false)
    {
        var response = await PageReady.OpenAsync(page, url);
        Assert.Equal(200, response?.Status);
        if (expectDark)
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{url}, {what}");
    }
}
