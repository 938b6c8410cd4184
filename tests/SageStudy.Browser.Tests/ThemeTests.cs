using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

public sealed class ThemeTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task The_dark_mode_toggle_switches_the_theme_and_the_choice_survives_a_reload()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        var html = page.Locator("html");
        var body = page.Locator("body");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });

        await page.GotoAsync("/notes/sagemaker");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var lightBackground = await body.EvaluateAsync<string>("body => getComputedStyle(body).backgroundColor");

        await toggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        // Retried: the page may still be between the two colours for a frame.
        await Expect(body).Not.ToHaveCSSAsync("background-color", lightBackground);

        await page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // Another page of the portal keeps the choice too, and switching back sticks as well.
        await page.GotoAsync("/tags");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await toggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Expect(body).ToHaveCSSAsync("background-color", lightBackground);
    }
}
