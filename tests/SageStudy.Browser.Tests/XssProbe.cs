using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace SageStudy.Browser.Tests;

/// <summary>
/// Watches a browser session for injected script: any alert/confirm/prompt dialog, window.__xss, and,
/// in the DOM, event-handler attributes, javascript: URLs and inline script elements where page
/// content goes. (CSP refusals are not used: DOMPurify, inside mermaid, parses labels in an inert
/// document and Chrome reports refused handlers there although nothing could have run.)
/// </summary>
public sealed class XssProbe
{
    private const string InspectDom = """
        () => ({
          xss: typeof window.__xss === 'undefined' ? null : String(window.__xss),
          handlers: Array.from(document.querySelectorAll('*')).flatMap(el =>
            Array.from(el.attributes).filter(a => /^on/i.test(a.name)).map(a => el.tagName.toLowerCase() + ' ' + a.name + '="' + a.value + '"')),
          scriptUrls: Array.from(document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]'))
            .flatMap(el => ['href', 'src', 'action', 'formaction', 'xlink:href'].map(n => el.getAttribute(n)))
            .filter(u => u && /^[\s\u0000-\u001f]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(u)),
          // Identity's validation partial adds inline scripts of its own after the footer; content never goes there.
          inlineScripts: Array.from(document.querySelectorAll('header script, main script, nav script, aside script, footer script, svg script'))
            .map(s => (s.getAttribute('src') || s.textContent.trim()).slice(0, 80))
        })
        """;

    private readonly ConcurrentQueue<string> dialogs = new();

    private XssProbe()
    {
    }

    public static XssProbe Attach(IPage page)
    {
        var probe = new XssProbe();
        page.Dialog += (_, dialog) =>
        {
            probe.dialogs.Enqueue($"{dialog.Type}(\"{dialog.Message}\") on {page.Url}");
            _ = dialog.DismissAsync();
        };
        return probe;
    }

    /// <summary>Waits until the page has settled (diagrams drawn, images tried), then asserts nothing ran.</summary>
    public async Task AssertNothingRanAsync(IPage page, string what)
    {
        await PageReady.DiagramsDrawnAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var found = await page.EvaluateAsync<JsonElement>(InspectDom);
        var problems = new List<string>();
        problems.AddRange(dialogs.Select(d => "dialog " + d));
        if (found.GetProperty("xss").ValueKind != JsonValueKind.Null)
        {
            problems.Add("window.__xss = " + found.GetProperty("xss").GetString());
        }

        problems.AddRange(Strings(found, "handlers").Select(h => "event handler attribute: " + h));
        problems.AddRange(Strings(found, "scriptUrls").Select(u => "javascript: URL: " + u));
        problems.AddRange(Strings(found, "inlineScripts").Select(s => "<script> in page content: " + s));

        Assert.True(problems.Count == 0, $"injected script on {what} ({page.Url}):\n- " + string.Join("\n- ", problems));
    }

    private static IEnumerable<string> Strings(JsonElement found, string name) =>
        found.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? "");
}
