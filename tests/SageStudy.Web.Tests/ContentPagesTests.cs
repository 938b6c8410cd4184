using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SageStudy.Web.Tests;

/// <summary>The portal's pages and JSON API over the learner's seed note and a few small notes.</summary>
public class ContentPagesTests : IClassFixture<ContentPagesTests.Notes>
{
    public sealed class Notes : PortalFactory
    {
        public Notes()
        {
            WithNote("sagemaker.md", Fixture("seed-sagemaker.md"));
            WithNote("mlops-deployment.md", "# MLOps & Deployment\n\n**Tags:** `#core`\n\n## Pipelines `#exam-tip`\n\n- Steps\n\n[Back](sagemaker.md#built-in-algorithms)\n");
            WithNote("model-training-evaluation.md", "# Model Training & Evaluation\n\n## Metrics\n\n- **Recall** - share of positives found `#gotcha`\n");
            WithNote("labs/hostile.md", "# Hostile\n\n<script>alert('note')</script>\n\n[click](javascript:alert(1))\n\n[gone](../nowhere.md)\n\n## Danger `#gotcha`\n\n<img src=x onerror=alert(2)>\n");
            WithNote(".drafts/secret.md", "# Secret draft\n");
            WithNote(".hidden.md", "# Hidden\n");
        }
    }

    private readonly Notes _portal;
    private readonly HttpClient _client;

    public ContentPagesTests(Notes portal)
    {
        _portal = portal;
        _client = portal.CreateClient();
    }

    [Fact]
    public async Task Home_lists_notes_by_folder_with_tags_counts_and_all_tags()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("Amazon SageMaker", html);
        Assert.Contains(">Labs<", html);
        Assert.Contains("6 #exam-tip", html);
        Assert.Contains("href=\"/tags/exam-tip\"", html);
        Assert.DoesNotContain("Secret draft", html);
        Assert.DoesNotContain("Hidden", html);
    }

    [Fact]
    public async Task Note_page_renders_the_note_with_chips_anchors_and_a_table_of_contents()
    {
        var html = await _client.GetStringAsync("/notes/sagemaker");

        Assert.Contains("<h3 id=\"built-in-algorithms\">", html);
        Assert.Contains("class=\"tag-chip\" data-tag=\"exam-tip\" href=\"/tags/exam-tip\"", html);
        Assert.Contains("<a href=\"#pricing-model\">Pricing Model</a>", html);
    }

    [Fact]
    public async Task The_seed_related_links_resolve_to_portal_pages()
    {
        var note = await _client.GetFromJsonAsync<JsonElement>("/api/notes/sagemaker");
        var links = note.GetProperty("links").EnumerateArray()
            .Select(l => (l.GetProperty("target").GetString(), l.GetProperty("resolved").GetBoolean())).ToList();

        Assert.Equal([("mlops-deployment", true), ("model-training-evaluation", true)], links);
        var html = await _client.GetStringAsync("/notes/sagemaker");
        Assert.Contains("href=\"/notes/mlops-deployment\"", html);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/notes/mlops-deployment")).StatusCode);
    }

    [Fact]
    public async Task A_link_to_a_missing_note_is_shown_as_broken_and_listed_as_a_problem()
    {
        var html = await _client.GetStringAsync("/notes/labs/hostile");
        var problems = await _client.GetStringAsync("/problems");

        Assert.Contains("class=\"broken-link\"", html);
        Assert.Contains("labs/hostile.md", problems);
        Assert.Contains("nowhere.md", problems);
    }

    [Fact]
    public async Task Script_in_a_note_never_reaches_the_page_as_script()
    {
        var html = await _client.GetStringAsync("/notes/labs/hostile");
        var tagPage = await _client.GetStringAsync("/tags/gotcha");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<img src=x", tagPage);
    }

    [Fact]
    public async Task Api_tags_for_exam_tip_lists_the_seed_units_in_order()
    {
        var units = await _client.GetFromJsonAsync<JsonElement>("/api/tags/exam-tip");
        var sagemaker = units.EnumerateArray()
            .Where(u => u.GetProperty("note").GetString() == "sagemaker")
            .Select(u => (u.GetProperty("kind").GetString(), u.GetProperty("title").GetString(), u.GetProperty("anchor").GetString()))
            .ToList();

        Assert.Equal(
        [
            ("section", "Built-in Algorithms", "built-in-algorithms"),
            ("block", "Managed Spot Training", "managed-spot-training"),
            ("block", "SageMaker Serverless Inference", "sagemaker-serverless-inference"),
            ("section", "SageMaker Autopilot", "sagemaker-autopilot"),
            ("section", "Pricing Model", "pricing-model"),
            ("section", "Exam Tips", "exam-tips"),
        ], sagemaker);
    }

    [Fact]
    public async Task Api_lists_notes_tags_and_note_units()
    {
        var notes = await _client.GetFromJsonAsync<JsonElement>("/api/notes");
        var seed = notes.EnumerateArray().Single(n => n.GetProperty("path").GetString() == "sagemaker");
        var tags = await _client.GetFromJsonAsync<JsonElement>("/api/tags");
        var core = await _client.GetFromJsonAsync<JsonElement>("/api/tags/core");

        Assert.Equal("Amazon SageMaker", seed.GetProperty("title").GetString());
        Assert.Equal(["core", "hands-on", "important"], seed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Contains(tags.EnumerateArray(), t => t.GetProperty("tag").GetString() == "exam-tip" && t.GetProperty("count").GetInt32() == 7);
        Assert.Equal(["note", "note"], core.EnumerateArray().Select(u => u.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Api_note_lists_its_sections_with_levels_and_tags()
    {
        var note = await _client.GetFromJsonAsync<JsonElement>("/api/notes/sagemaker");
        var algorithms = note.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == "built-in-algorithms");

        Assert.Equal(3, algorithms.GetProperty("level").GetInt32());
        Assert.Equal(["exam-tip"], algorithms.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Tag_page_groups_units_by_note_and_links_to_their_anchors()
    {
        var html = await _client.GetStringAsync("/tags/exam-tip");

        Assert.Contains("href=\"/notes/sagemaker#managed-spot-training\"", html);
        Assert.Contains("href=\"/notes/mlops-deployment#pipelines\"", html);
        Assert.Contains("Up to 90% cost savings", html);
    }

    [Fact]
    public async Task Several_tags_combine_with_any_and_all()
    {
        var any = await _client.GetFromJsonAsync<JsonElement>("/api/tags/exam-tip,gotcha?match=any");
        var all = await _client.GetFromJsonAsync<JsonElement>("/api/tags/exam-tip,gotcha?match=all");
        var redirect = await _portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/tags?tag=exam-tip&tag=gotcha&match=all");

        Assert.Equal(7 + 3, any.GetArrayLength());
        Assert.Equal(0, all.GetArrayLength());
        Assert.Equal("/tags/exam-tip,gotcha?match=all", redirect.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Note_filter_shows_only_the_units_of_the_chosen_tags()
    {
        var html = await _client.GetStringAsync("/notes/sagemaker?tag=gotcha");

        Assert.Contains("Training data must be in S3", html);
        Assert.DoesNotContain("Managed Spot Training", html);
    }

    [Theory]
    [InlineData("/notes")]
    [InlineData("/notes/")]
    public async Task The_notes_folder_itself_leads_to_the_list_of_notes(string path)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/notes/nope")]
    [InlineData("/api/notes/nope")]
    [InlineData("/api/tags/never-used")]
    [InlineData("/no/such/page")]
    public async Task Unknown_paths_give_404_with_problem_details(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/tags/bad%20tag!")]
    [InlineData("/api/tags/exam-tip?match=sometimes")]
    [InlineData("/tags/%3Cscript%3E")]
    [InlineData("/notes/sagemaker?tag=%27%20OR%201=1")]
    public async Task Bad_input_gives_400_not_500(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_gets_a_readable_404_page()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/notes/nope");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Back to your notes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_is_ok_once_the_index_is_built()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_security_headers()
    {
        var response = await _client.GetAsync("/notes/sagemaker");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Cram_sheet_lists_every_exam_tip_and_gotcha_in_note_order()
    {
        var html = await _client.GetStringAsync("/cram");
        var gotchas = await _client.GetStringAsync("/cram?tag=gotcha");

        Assert.True(html.IndexOf("Managed Spot Training", StringComparison.Ordinal) < html.IndexOf("Training data must be in S3", StringComparison.Ordinal));
        Assert.Contains("Pipelines", html);
        Assert.DoesNotContain("Managed Spot Training", gotchas);
        Assert.Contains("Training data must be in S3", gotchas);
    }

    [Fact]
    public async Task A_note_shows_the_notes_that_link_to_it()
    {
        var html = await _client.GetStringAsync("/notes/sagemaker");

        Assert.Contains("Linked from", html);
        Assert.Contains("href=\"/notes/mlops-deployment\">MLOps &amp; Deployment</a>", html);
    }

    [Fact]
    public async Task In_a_big_folder_the_sidebar_lists_the_notes_around_the_open_one_and_links_to_all()
    {
        using var portal = new PortalFactory();
        for (var i = 1; i <= 80; i++)
        {
            portal.WithNote($"big/note-{i:00}.md", $"# Note {i:00}\n\n## Body\n\ntext\n");
        }

        var html = await portal.CreateClient().GetStringAsync("/notes/big/note-40");

        Assert.Contains("<a href=\"/notes/big/note-40\" aria-current=\"page\">Note 40</a>", html);
        Assert.Contains("href=\"/notes/big/note-35\"", html);
        Assert.DoesNotContain("href=\"/notes/big/note-01\"", html);
        Assert.Contains("All 80 notes in Big", html);
    }

    [Fact]
    public async Task A_tag_with_more_units_than_a_page_holds_is_paged_and_every_page_shows_its_own_units()
    {
        using var portal = new PortalFactory();
        var sections = string.Concat(Enumerable.Range(1, 20).Select(i => $"## Topic {i:00} `#drill`\n\ntext {i}\n\n"));
        portal.WithNote("many.md", "# Many\n\n" + sections);
        var client = portal.CreateClient();

        var first = await client.GetStringAsync("/tags/drill");
        var second = await client.GetStringAsync("/tags/drill?page=2");

        Assert.Contains("page 1 of 2", first);
        Assert.Contains("href=\"/notes/many#topic-15\"", first);
        Assert.DoesNotContain("href=\"/notes/many#topic-16\"", first);
        Assert.Contains("page 2 of 2", second);
        Assert.Contains("href=\"/notes/many#topic-16\"", second);
        Assert.DoesNotContain("href=\"/notes/many#topic-01\"", second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tags/drill?page=3")).StatusCode);
    }
}
