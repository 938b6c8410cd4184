using SageStudy.Content;

namespace SageStudy.Content.Tests;

/// <summary>The tag rules as specified against the learner's own SageMaker note.</summary>
public class NoteParserSeedTests
{
    private static readonly ParsedNote Parsed = Parse();
    private static readonly Note Seed = Parsed.Note;

    private static ParsedNote Parse()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-sagemaker.md"));
        return new NoteParser().Parse("sagemaker", markdown, "hash", _ => true);
    }

    [Fact]
    public void Title_and_note_tags_come_from_the_heading_and_tags_line()
    {
        Assert.Equal("Amazon SageMaker", Seed.Title);
        Assert.Equal(["core", "hands-on", "important"], Seed.Tags.Order());
    }

    [Fact]
    public void Exam_tip_gives_exactly_the_six_units_a_learner_means()
    {
        var examTips = Seed.Units.Where(u => u.Tags.Contains("exam-tip")).Select(u => (u.Kind, u.Title)).ToList();

        Assert.Equal(
        [
            (UnitKind.Section, "Built-in Algorithms"),
            (UnitKind.Block, "Managed Spot Training"),
            (UnitKind.Block, "SageMaker Serverless Inference"),
            (UnitKind.Section, "SageMaker Autopilot"),
            (UnitKind.Section, "Pricing Model"),
            (UnitKind.Section, "Exam Tips"),
        ], examTips);
    }

    [Fact]
    public void Gotcha_gives_the_gotchas_section_once()
    {
        var gotchas = Seed.Units.Where(u => u.Tags.Contains("gotcha")).ToList();

        var unit = Assert.Single(gotchas);
        Assert.Equal((UnitKind.Section, "Gotchas", "gotchas"), (unit.Kind, unit.Title, unit.Anchor));
    }

    [Fact]
    public void Note_tags_form_a_note_unit()
    {
        var unit = Assert.Single(Seed.Units, u => u.Kind == UnitKind.Note);
        Assert.Equal("Amazon SageMaker", unit.Title);
    }

    [Fact]
    public void Headings_get_github_slugs_without_their_tags()
    {
        var anchors = Seed.Headings.ToDictionary(h => h.Title, h => h.Anchor);

        Assert.Equal("built-in-algorithms", anchors["Built-in Algorithms"]);
        Assert.Equal("sagemaker-feature-store", anchors["SageMaker Feature Store"]);
        Assert.Equal("exam-tips", anchors["Exam Tips"]);
        Assert.Contains("id=\"built-in-algorithms\"", Parsed.Body.Html);
        Assert.Contains("href=\"#built-in-algorithms\"", Parsed.Body.Html);
    }

    [Fact]
    public void Section_unit_covers_its_list_and_stops_at_the_next_heading()
    {
        var algorithms = Seed.Units.Single(u => u.Title == "Built-in Algorithms");

        Assert.Contains("DeepAR", Parsed.Body.HtmlOf(algorithms));
        Assert.Contains("Semantic Segmentation", Parsed.Body.HtmlOf(algorithms));
        Assert.DoesNotContain("Training Jobs", Parsed.Body.HtmlOf(algorithms));
    }

    [Fact]
    public void Block_unit_covers_its_list_and_stops_at_the_next_bold_lead()
    {
        var spot = Seed.Units.Single(u => u.Title == "Managed Spot Training");

        Assert.Equal("managed-spot-training", spot.Anchor);
        Assert.Contains("checkpoints", Parsed.Body.HtmlOf(spot));
        Assert.DoesNotContain("Bayesian", Parsed.Body.HtmlOf(spot));
        Assert.Contains("id=\"managed-spot-training\"", Parsed.Body.Html);
    }

    [Fact]
    public void Tags_render_as_chips_linking_to_their_tag_page()
    {
        Assert.Contains("<a class=\"tag-chip\" data-tag=\"exam-tip\" href=\"/tags/exam-tip\">#exam-tip</a>", Parsed.Body.Html);
        Assert.DoesNotContain("<code>#exam-tip</code>", Parsed.Body.Html);
    }

    [Fact]
    public void Related_topic_links_become_portal_links()
    {
        Assert.Equal(["mlops-deployment", "model-training-evaluation"], Seed.Links.Select(l => l.Target));
        Assert.Contains("href=\"/notes/mlops-deployment\"", Parsed.Body.Html);
    }

    [Fact]
    public void The_built_in_algorithms_list_reads_as_ten_term_pairs()
    {
        var list = Assert.Single(Seed.TermLists, l => l.Anchor == "built-in-algorithms");

        Assert.Equal(10, list.Pairs.Count);
        Assert.Contains(list.Pairs, p => p.Term == "DeepAR" && p.Description == "Time series forecasting");
        Assert.All(list.Pairs, p => Assert.Equal("built-in-algorithms", p.Anchor));
    }

    [Fact]
    public void Bold_lead_blocks_carry_the_text_they_cover()
    {
        var spot = Assert.Single(Seed.Blocks, b => b.Term == "Managed Spot Training");

        Assert.Equal("Up to 90% cost savings; Use checkpoints for interruption handling", spot.Description);
        Assert.Equal(["exam-tip"], spot.Tags);
        Assert.Equal("managed-spot-training", spot.Anchor);
        Assert.Equal("deployment", Seed.Blocks.Single(b => b.Term == "Batch Transform").Anchor);
    }
}
