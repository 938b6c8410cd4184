using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SageStudy.Web.Tests;

/// <summary>Full-text search: ranked, highlighted, filtered, and never an error whatever is typed.</summary>
public class SearchTests(SearchTests.Notes portal) : IClassFixture<SearchTests.Notes>
{
    public sealed class Notes : PortalFactory
    {
        public Notes()
        {
            WithNote("sagemaker.md", Fixture("seed-sagemaker.md"));
            WithNote("mlops/pipelines.md", "# Pipelines\n\n**Tags:** `#core`\n\n## Overview\n\nCheckpoints are mentioned once here, far from any title.\n");
            WithNote("data/glue.md", "# Glue\n\n## Crawlers\n\nA crawler infers schemas. Spot instances are not used by Glue.\n");
        }
    }

    private readonly HttpClient _client = portal.CreateClient();

    private async Task<List<JsonElement>> SearchAsync(string query) =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/search?" + query)).EnumerateArray().ToList();

    [Fact]
    public async Task Results_link_to_the_section_and_highlight_the_words()
    {
        var hits = await SearchAsync("q=spot");
        var first = hits[0];

        Assert.Equal(("sagemaker", "managed-spot-training"), (first.GetProperty("note").GetString(), first.GetProperty("anchor").GetString()));
        Assert.Contains("<mark>Spot</mark>", first.GetProperty("titleHtml").GetString());
        var page = await _client.GetStringAsync("/search?q=spot");
        Assert.Contains("href=\"/notes/sagemaker#managed-spot-training\"", page);
        Assert.Contains(hits, h => h.GetProperty("anchor").GetString() == "training");
    }

    [Fact]
    public async Task Titles_rank_above_body_text()
    {
        var hits = await SearchAsync("q=pipelines");

        Assert.Equal("mlops/pipelines", hits[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Tag_and_folder_filters_narrow_the_results()
    {
        var exam = await SearchAsync("q=spot&tag=exam-tip");
        var data = await SearchAsync("q=spot&folder=data");

        Assert.All(exam, h => Assert.Equal("sagemaker", h.GetProperty("note").GetString()));
        Assert.NotEmpty(exam);
        Assert.Equal(["data/glue"], data.Select(h => h.GetProperty("note").GetString()));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("spot*")]
    [InlineData("-spot")]
    [InlineData("NEAR(spot training")]
    [InlineData("spot AND OR NOT")]
    [InlineData("!!! ???")]
    [InlineData("'; DROP TABLE SearchIndex; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("{title}: spot ^ ( ) :")]
    public async Task Anything_typed_is_a_search_never_an_error(string typed)
    {
        var api = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(typed));
        var page = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_thousand_characters_are_a_search_too()
    {
        var response = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("spot \"x\" ", 250))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await SearchAsync("q=spot")).Count(h => h.GetProperty("anchor").GetString() == "training"));
    }

    [Fact]
    public async Task Quoted_words_are_still_found_as_plain_words()
    {
        var hits = await SearchAsync("q=" + Uri.EscapeDataString("\"checkpoints\" -"));

        Assert.Contains(hits, h => h.GetProperty("note").GetString() == "mlops/pipelines");
    }

    [Fact]
    public async Task A_bad_filter_is_a_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/search?q=spot&tag=%3Cb%3E")).StatusCode);
    }
}
