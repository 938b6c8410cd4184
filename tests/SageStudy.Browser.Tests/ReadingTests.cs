using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>Reading notes: the list, a note, its tags, the tag filter and diagrams.</summary>
public sealed class ReadingTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Clicking_a_note_on_home_opens_it_with_its_title_and_table_of_contents()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Amazon SageMaker", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/notes/sagemaker$"));
        // The title, plus the heading's "Link to this section" anchor.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAccessibleNameAsync(new Regex("^Amazon SageMaker\\b"));
        var toc = page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" });
        await Expect(toc).ToBeVisibleAsync();
        await Expect(toc.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true })).ToHaveAttributeAsync("href", "#overview");
        await Expect(toc.GetByRole(AriaRole.Link, new() { Name = "Core Components", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_tag_chip_on_a_note_leads_to_that_tag_across_several_notes()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/notes/sagemaker");
        await page.GetByRole(AriaRole.Article).GetByRole(AriaRole.Link, new() { Name = "#exam-tip", Exact = true }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/tags/exam-tip$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("#exam-tip");
        // One section per note that has exam-tip parts, each headed by a link to its note.
        var noteHeadings = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(noteHeadings.GetByRole(AriaRole.Link, new() { Name = "Amazon SageMaker", Exact = true })).ToBeVisibleAsync();
        await Expect(noteHeadings.GetByRole(AriaRole.Link, new() { Name = "MLOps & Deployment", Exact = true })).ToBeVisibleAsync();
        Assert.True(await noteHeadings.CountAsync() >= 3, "expected exam-tip parts from at least three notes");
    }

    [Fact]
    public async Task Filtering_a_note_to_exam_tip_shows_only_exam_tip_parts()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/notes/sagemaker");
        var filter = page.GetByRole(AriaRole.Form, new() { Name = "Show only tagged parts of this note" });
        await filter.GetByRole(AriaRole.Checkbox, new() { Name = "#exam-tip", Exact = true }).CheckAsync();
        await filter.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]tag=exam-tip"));
        await Expect(page.GetByText(new Regex(@"^\d+ parts? tagged #exam-tip$"))).ToBeVisibleAsync();
        var parts = page.Locator("main article.unit");
        var count = await parts.CountAsync();
        Assert.True(count >= 2, $"expected several exam-tip parts, saw {count}");
        await Expect(parts.Filter(new() { HasNot = page.Locator(".unit-tags [data-tag='exam-tip']") })).ToHaveCountAsync(0);
        // Parts that carry only other tags are gone, e.g. the untagged Overview section.
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true })).ToHaveCountAsync(0);
        // The whole note is one click away.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show the whole note" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_mermaid_fence_is_drawn_as_an_svg_diagram()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/notes/mlops/mlops-deployment");

        var diagram = page.Locator("article pre.mermaid").First;
        await Expect(diagram.Locator("svg")).ToBeVisibleAsync();
        await Expect(diagram).Not.ToHaveAttributeAsync("data-diagram-error", "");
    }
}
