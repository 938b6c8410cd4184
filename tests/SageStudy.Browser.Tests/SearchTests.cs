using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

public sealed class SearchTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Searching_from_the_header_lists_note_sections_and_a_result_opens_the_note_at_that_section()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        var searchBox = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search notes" });
        await searchBox.FillAsync("checkpoints");
        await searchBox.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=checkpoints$"));
        await Expect(searchBox).ToHaveValueAsync("checkpoints");
        // Results are links to a section of a note.
        var result = page.Locator("main a[href*='/notes/'][href*='#']").First;
        await Expect(result).ToBeVisibleAsync();
        var href = await result.GetAttributeAsync("href") ?? "";
        var anchor = Uri.UnescapeDataString(href[(href.IndexOf('#') + 1)..]);

        await result.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/notes/[^#?]+#" + Regex.Escape(Uri.EscapeDataString(anchor)) + "$"));
        var section = page.Locator($"[id=\"{anchor}\"]");
        await Expect(section).ToBeAttachedAsync();
        await Expect(section).ToBeInViewportAsync();
    }
}
