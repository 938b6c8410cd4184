using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>Its own portal: the test rewrites a note in the content folder.</summary>
public sealed class LiveReloadTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    // The content watcher promises a new index within 2 s of a save; allow for a slow machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_note_edited_on_disk_shows_the_change_after_a_reload()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        var marker = $"Edited on disk {Guid.NewGuid():N}";

        await page.GotoAsync("/notes/sagemaker");
        var article = page.GetByRole(AriaRole.Article);
        await Expect(article).ToContainTextAsync("Amazon SageMaker");
        await Expect(article).Not.ToContainTextAsync(marker);

        var file = Path.Combine(portal.ContentRoot, "sagemaker.md");
        await File.AppendAllTextAsync(file, $"\n\n## Live reload check\n\n{marker}\n");

        await ReloadUntilAsync(page, article, marker);
        var toc = page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" });
        await Expect(toc.GetByRole(AriaRole.Link, new() { Name = "Live reload check" })).ToBeVisibleAsync();
    }

    /// <summary>Reloads, as a reader would, until the text shows or patience runs out.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator region, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await page.ReloadAsync();
            try
            {
                await Expect(region).ToContainTextAsync(text, new() { Timeout = 1_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not re-indexed yet: reload again.
            }
        }
    }
}
