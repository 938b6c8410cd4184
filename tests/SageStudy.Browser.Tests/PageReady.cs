using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>Waits for what the page draws after load, so checks and screenshots see the finished page.</summary>
public static class PageReady
{
    public static async Task<IResponse?> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await DiagramsDrawnAsync(page);
        return response;
    }

    /// <summary>site.js marks each mermaid block with data-diagram-theme once it is drawn (or given up on).</summary>
    public static async Task DiagramsDrawnAsync(IPage page)
    {
        var diagrams = await page.Locator("pre.mermaid").CountAsync();
        if (diagrams > 0)
        {
            await Expect(page.Locator("pre.mermaid[data-diagram-theme]")).ToHaveCountAsync(diagrams);
        }
    }
}
