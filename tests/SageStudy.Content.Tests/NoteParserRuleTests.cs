using SageStudy.Content;

namespace SageStudy.Content.Tests;

/// <summary>One small note per tag rule, edge cases included.</summary>
public class NoteParserRuleTests
{
    private static Note Parse(string markdown, Func<string, bool>? exists = null, string path = "folder/note") =>
        Render(markdown, exists, path).Note;

    private static ParsedNote Render(string markdown, Func<string, bool>? exists = null, string path = "folder/note") =>
        new NoteParser().Parse(path, markdown, "hash", exists ?? (_ => true));

    private static List<(UnitKind Kind, string Title)> UnitsTagged(Note note, string tag) =>
        note.Units.Where(u => u.Tags.Contains(tag)).Select(u => (u.Kind, u.Title)).ToList();

    [Theory]
    [InlineData("`#exam-tip`", "exam-tip")]
    [InlineData("`#Exam-Tip`", "exam-tip")]
    [InlineData("`#9lives`", "9lives")]
    public void A_code_span_of_hash_and_name_is_a_tag(string span, string name)
    {
        var note = Parse($"# T\n\nSome text {span}\n");

        Assert.Equal(name, Assert.Single(note.Units).Tags.Single());
    }

    [Fact]
    public void A_tag_used_across_notes_is_one_shared_string()
    {
        // Thousands of tagged items name a handful of tags; the index keeps each name once.
        var first = Parse("# T\n\nOne `#shared-tag-rule`\n", path: "a");
        var second = Parse("# U\n\nTwo `#Shared-Tag-Rule`\n", path: "b");

        Assert.Same(first.Units.Single().Tags.Single(), second.Units.Single().Tags.Single());
    }

    [Fact]
    public void A_tag_from_a_section_alias_is_the_same_string_as_the_written_tag()
    {
        var note = Parse("# T\n\n## Exam Tips\n\nText `#exam-tip`\n");

        var written = note.Units.Single(u => u.Kind != UnitKind.Section).Tags.Single();
        Assert.Same(written, note.Headings.Single(h => h.Title == "Exam Tips").Tags.Single());
    }

    [Theory]
    [InlineData("Plain #exam-tip text")]
    [InlineData("`#-dash`")]
    [InlineData("`# exam`")]
    [InlineData("`#exam tip`")]
    [InlineData("`#exam_tip`")]
    [InlineData("`x #exam-tip`")]
    public void Anything_else_is_not_a_tag(string text)
    {
        Assert.Empty(Parse($"# T\n\n{text}\n").Units);
    }

    [Fact]
    public void Tags_in_fenced_and_indented_code_are_not_tags()
    {
        var note = Parse("# T\n\n```md\n`#exam-tip`\n```\n\n    `#gotcha`\n");

        Assert.Empty(note.Units);
    }

    [Fact]
    public void Note_tags_are_only_read_before_the_first_level_two_heading()
    {
        var note = Parse("# T\n\n**Tags:** `#core` `#aws`\n\n## Later\n\n**Tags:** `#late`\n");

        Assert.Equal(["core", "aws"], note.Tags);
        Assert.Equal([(UnitKind.Block, "Tags")], UnitsTagged(note, "late"));
    }

    [Fact]
    public void A_section_covers_deeper_headings_and_ends_at_its_own_level()
    {
        var parsed = Render("# T\n\n## A `#x`\n\nbody a\n\n### A1\n\ninner\n\n## B\n\nbody b\n");
        var note = parsed.Note;

        var section = Assert.Single(note.Units);
        Assert.Equal((UnitKind.Section, "A", "a"), (section.Kind, section.Title, section.Anchor));
        Assert.Contains("inner", parsed.Body.HtmlOf(section));
        Assert.DoesNotContain("body b", parsed.Body.HtmlOf(section));
    }

    [Theory]
    [InlineData("## exam tips", "exam-tip")]
    [InlineData("### GOTCHAS", "gotcha")]
    public void Alias_headings_carry_their_tag(string heading, string tag)
    {
        var note = Parse($"# T\n\n{heading}\n\n- a point\n");

        Assert.Equal(UnitKind.Section, Assert.Single(note.Units, u => u.Tags.Contains(tag)).Kind);
    }

    [Fact]
    public void Aliases_come_from_configuration()
    {
        var rules = new TagRules(new Dictionary<string, string> { ["Traps"] = "#gotcha" });
        var note = new NoteParser(rules, PortalUrls.Default).Parse("n", "# T\n\n## Traps\n\n## Exam Tips\n", "h", _ => true).Note;

        Assert.Equal(["gotcha"], note.Units.SelectMany(u => u.Tags));
    }

    [Fact]
    public void A_block_may_have_a_colon_and_ends_at_the_next_bold_lead_or_heading()
    {
        var parsed = Render("# T\n\n**Spot**: `#exam-tip`\n- cheap\n\nmore about spot\n\n**Other**\n- unrelated\n");
        var note = parsed.Note;

        var block = Assert.Single(note.Units);
        Assert.Equal((UnitKind.Block, "Spot"), (block.Kind, block.Title));
        Assert.Contains("more about spot", parsed.Body.HtmlOf(block));
        Assert.DoesNotContain("unrelated", parsed.Body.HtmlOf(block));
    }

    [Fact]
    public void A_bold_line_with_other_text_is_a_paragraph_not_a_block()
    {
        var note = Parse("# T\n\n**Spot** saves money `#exam-tip`\n");

        Assert.Equal([(UnitKind.Paragraph, "Spot saves money")], UnitsTagged(note, "exam-tip"));
    }

    [Fact]
    public void Tags_mark_the_innermost_list_item()
    {
        var parsed = Render("# T\n\n- outer `#a`\n  - inner `#b`\n  - plain\n");
        var note = parsed.Note;

        Assert.Equal([(UnitKind.Item, "outer")], UnitsTagged(note, "a"));
        Assert.Equal([(UnitKind.Item, "inner")], UnitsTagged(note, "b"));
        Assert.Contains("inner", parsed.Body.HtmlOf(note.Units.Single(u => u.Title == "outer")));
    }

    [Fact]
    public void Tags_in_a_table_row_mark_that_row()
    {
        var parsed = Render("# T\n\n| Service | Use |\n| --- | --- |\n| Glue | ETL `#exam-tip` |\n| EMR | Spark |\n");
        var note = parsed.Note;

        var row = Assert.Single(note.Units);
        Assert.Equal((UnitKind.Item, "Glue"), (row.Kind, row.Title));
        Assert.Contains("<th>Service</th>", parsed.Body.HtmlOf(row));
        Assert.DoesNotContain("EMR", parsed.Body.HtmlOf(row));
    }

    [Fact]
    public void A_unit_is_listed_once_per_tag_however_often_the_tag_appears()
    {
        var note = Parse("# T\n\n## A `#x` `#x`\n\n- item `#y` and `#y`\n");

        Assert.Single(note.Units, u => u.Tags.Contains("x"));
        Assert.Equal(["y"], note.Units.Single(u => u.Kind == UnitKind.Item).Tags);
    }

    [Fact]
    public void Repeated_headings_get_unique_anchors()
    {
        var note = Parse("# T\n\n## Setup\n\n## Setup\n\n## Setup\n");

        Assert.Equal(["t", "setup", "setup-1", "setup-2"], note.Headings.Select(h => h.Anchor));
    }

    [Fact]
    public void A_heading_that_is_only_a_tag_is_titled_by_the_tag()
    {
        var note = Parse("# T\n\n## `#exam-tip`\n\ntip\n");

        var section = Assert.Single(note.Units);
        Assert.Equal(("#exam-tip", "exam-tip"), (section.Title, section.Anchor));
    }

    [Fact]
    public void Crlf_line_ends_parse_like_lf()
    {
        const string lf = "# T\n\n**Tags:** `#core`\n\n## A `#x`\n\n**B** `#y`\n- one\n";
        var crlf = Parse(lf.Replace("\n", "\r\n"));

        Assert.Equal(Parse(lf).Units.Select(u => (u.Kind, u.Title, u.Anchor)), crlf.Units.Select(u => (u.Kind, u.Title, u.Anchor)));
        Assert.Equal(["core"], crlf.Tags);
    }

    [Fact]
    public void Front_matter_is_accepted_and_not_shown()
    {
        var note = Render("---\ntitle: From Front Matter\n---\n\nBody\n");

        Assert.Equal("From Front Matter", note.Note.Title);
        Assert.DoesNotContain("title:", note.Body.Html);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_never_as_markup()
    {
        var note = Render("# T\n\n<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)>\n");

        Assert.DoesNotContain("<script", note.Body.Html);
        Assert.DoesNotContain("<img", note.Body.Html);
        Assert.Contains("&lt;script&gt;", note.Body.Html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Script_urls_are_dropped(string link)
    {
        var note = Render($"# T\n\n{link}\n");

        Assert.DoesNotContain("href=\"javascript", note.Body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", note.Body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("=\"data:", note.Body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("=\"vbscript", note.Body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href", note.Body.Html);
    }

    [Fact]
    public void Note_links_resolve_relative_to_the_note_and_keep_their_anchor()
    {
        var note = Render("# T\n\n[a](../mlops/deploy.md#blue-green) [b](missing.md) [c](https://aws.amazon.com)\n",
            exists: p => p == "mlops/deploy");

        Assert.Equal(
            [("mlops/deploy", "blue-green", true), ("folder/missing", null, false)],
            note.Note.Links.Select(l => (l.Target, l.Anchor, l.Resolved)));
        Assert.Contains("href=\"/notes/mlops/deploy#blue-green\"", note.Body.Html);
        Assert.Contains("class=\"broken-link\"", note.Body.Html);
        Assert.Contains("href=\"https://aws.amazon.com\"", note.Body.Html);
    }

    [Fact]
    public void Mermaid_fences_become_diagrams_and_other_fences_keep_their_language()
    {
        var note = Render("# T\n\n```mermaid\ngraph TD; A-->B<script>\n```\n\n```python\nprint(1)\n```\n");

        Assert.Contains("<pre class=\"mermaid\">graph TD; A--&gt;B&lt;script&gt;", note.Body.Html);
        Assert.Contains("class=\"language-python\"", note.Body.Html);
    }

    [Fact]
    public void Task_lists_and_pipe_tables_render()
    {
        var note = Render("# T\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("type=\"checkbox\"", note.Body.Html);
        Assert.Contains("<table>", note.Body.Html);
    }

    [Theory]
    [InlineData("| a | b |\n| 1 | 2 |\n", 3)]
    [InlineData("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n", 5)]
    public void A_broken_table_is_reported_with_its_line(string table, int line)
    {
        var note = Parse("# T\n\n" + table);

        Assert.Equal(line, Assert.Single(note.Warnings).Line);
    }

    [Fact]
    public void A_well_formed_table_has_no_warning()
    {
        Assert.Empty(Parse("# T\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n| `x\\|y` | 3 |\n").Warnings);
    }
}
