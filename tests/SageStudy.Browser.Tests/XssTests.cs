using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>
/// Script injection through notes, questions, search and account names, in a real browser.
/// The portal's Content-Security-Policy is bypassed: with it on, no inline payload could run whatever
/// the escaping did, so the test would prove nothing. The escaping must hold on its own; the CSP
/// stays a second line of defence.
/// </summary>
public sealed class XssTests(XssPortal portal, ITestOutputHelper output) : IClassFixture<XssPortal>
{
    [Fact]
    public async Task Payloads_in_a_note_and_its_diagram_do_not_run()
    {
        await using var session = await portal.OpenAsync(bypassCsp: true);
        var page = session.Page;
        var probe = XssProbe.Attach(page);

        foreach (var url in new[] { "/", $"/notes/{XssPortal.NotePath}", $"/tags/{XssPortal.Tag}", $"/notes/{XssPortal.NotePath}?tag={XssPortal.Tag}", $"/cram?tag={XssPortal.Tag}", "/problems", "/quiz" })
        {
            await page.GotoAsync(url);
            await probe.AssertNothingRanAsync(page, url);
        }

        // The payloads are shown as text, not dropped silently (the note is really rendered).
        await page.GotoAsync($"/notes/{XssPortal.NotePath}");
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("<script>alert(1)</script>");
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("<img src=x onerror=alert(2)>");
        // The diagram is drawn (it parses) and clicking its nodes runs nothing. The clicks are
        // dispatched: the diagram is wider than the page and its nodes may be scrolled out of reach.
        var diagram = page.Locator("article pre.mermaid svg");
        await Expect(diagram).ToBeVisibleAsync();
        var nodes = await diagram.Locator(".node").AllAsync();
        Assert.Equal(3, nodes.Count);
        foreach (var node in nodes)
        {
            await node.DispatchEventAsync("click");
        }

        await probe.AssertNothingRanAsync(page, "the note after clicking its diagram's nodes");
    }

    [Fact]
    public async Task Payloads_in_a_question_do_not_run_in_the_quiz_its_feedback_the_result_or_progress()
    {
        await using var session = await portal.OpenAsync(bypassCsp: true);
        var page = session.Page;
        var probe = XssProbe.Attach(page);

        await page.GotoAsync($"/quiz/try?source=tag:{XssPortal.Tag}&count=1");
        await Expect(page.Locator(".quiz-prompt")).ToContainTextAsync("<script>alert(1)</script>");
        await probe.AssertNothingRanAsync(page, "a guest's quiz question");

        await Learner.RegisterAsync(page, Learner.NewEmail("xss"));
        await Learner.StartQuizAsync(page, "#" + XssPortal.Tag, questions: 1);
        await Expect(page.Locator(".quiz-prompt")).ToContainTextAsync("<svg onload=alert(4)>");
        await probe.AssertNothingRanAsync(page, "the quiz question");

        await Learner.AnswerFirstOptionAsync(page, Learner.Submit.CheckButton);
        await Expect(page.Locator(".feedback .explanation")).ToContainTextAsync("<img src=x onerror=alert(2)>");
        await probe.AssertNothingRanAsync(page, "the question's feedback");

        await page.GetByRole(AriaRole.Button, new() { Name = "Finish", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Learner.ResultUrl());
        await probe.AssertNothingRanAsync(page, "the quiz result");

        foreach (var url in new[] { "/progress", "/progress/data", "/quiz" })
        {
            await page.GotoAsync(url);
            await probe.AssertNothingRanAsync(page, url);
        }
    }

    [Fact]
    public async Task A_search_for_a_script_tag_and_results_quoting_payloads_do_not_run()
    {
        const string query = "<script>alert(8)</script><img src=x onerror=alert(8)>";
        await using var session = await portal.OpenAsync(bypassCsp: true);
        var page = session.Page;
        var probe = XssProbe.Attach(page);

        await page.GotoAsync("/search?q=" + Uri.EscapeDataString(query));
        await probe.AssertNothingRanAsync(page, "search results (from the address bar)");

        // Results quote the note's text and headings, payloads included.
        foreach (var words in new[] { "onerror", "script alert", "payloads headings", "injection probes" })
        {
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString(words));
            await Expect(page.Locator($"main a[href^='/notes/{XssPortal.NotePath}#']").First).ToBeVisibleAsync();
            await probe.AssertNothingRanAsync(page, $"search results for '{words}'");
        }

        await page.GotoAsync("/");
        var searchBox = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search notes" });
        await searchBox.FillAsync(query);
        await searchBox.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        await probe.AssertNothingRanAsync(page, "search results (typed in the header)");
    }

    [Fact]
    public async Task An_email_address_carrying_markup_does_not_run_on_the_pages_that_show_it()
    {
        var email = $"\"<img/src=x onerror=alert(9)>\"{Guid.NewGuid():N}@example.com";
        await using var session = await portal.OpenAsync(bypassCsp: true);
        var page = session.Page;
        var probe = XssProbe.Attach(page);

        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Learner.Password);
        await page.GetByLabel("Confirm password").FillAsync(Learner.Password);
        // Straight to the server, past the browser's and jQuery's email checks: the server is what must hold.
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).EvaluateAsync("button => button.form.submit()");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        var refusal = page.GetByRole(AriaRole.Main).GetByText("is invalid").First;
        await Expect(signOut.Or(refusal)).ToBeVisibleAsync();
        await probe.AssertNothingRanAsync(page, "the register form's answer");

        if (await refusal.IsVisibleAsync())
        {
            // Identity refused the address (its user names allow no quotes or brackets). The refusal,
            // which echoes the address, was checked above; no other page shows an unregistered address.
            output.WriteLine("Identity refused the address; its refusal page was checked.");
            return;
        }

        output.WriteLine("Identity accepted the address; checking the pages that show it.");
        foreach (var url in new[] { "/", "/progress", "/progress/data", "/quiz" })
        {
            await page.GotoAsync(url);
            await probe.AssertNothingRanAsync(page, url);
        }
    }
}
