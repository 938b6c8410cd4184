using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SageStudy.Browser.Tests;

/// <summary>Runs axe-core on the page as it stands and fails on any serious or critical violation.</summary>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    // Full details for violations only: axe then skips building selectors and HTML for every
    // passing node, which halves a run on a long note. No iframes in the portal.
    private static AxeRunOptions Options => new() { ResultTypes = [ResultType.Violations], Iframes = false };

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Options);
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(what, page.Url, blocking));
    }

    private static string Describe(string what, string url, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious/critical axe violation(s) on {what} ({url}):");
        foreach (var violation in violations)
        {
            text.Append($"\n- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(8))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
                text.Append($"\n    {node.Target}: {Shorten(node.Html)}");
                if (why is not null)
                {
                    text.Append($"\n      {why}");
                }
            }

            if (violation.Nodes.Length > 8)
            {
                text.Append($"\n    … and {violation.Nodes.Length - 8} more");
            }
        }

        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
