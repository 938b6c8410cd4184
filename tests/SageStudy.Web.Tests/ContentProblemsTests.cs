using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SageStudy.Web.Tests;

/// <summary>Files the portal cannot use are listed with their paths; every other note is still served.</summary>
public class ContentProblemsTests : IClassFixture<ContentProblemsTests.BrokenNotes>
{
    public sealed class BrokenNotes : PortalFactory
    {
        public BrokenNotes()
        {
            WithNote("good.md", "# Good note\n\n## Fine `#exam-tip`\n");
            WithFile("latin1.md", Encoding.Latin1.GetBytes("# Caf\u00e9 cr\u00e8me\n"));
            WithFile("empty.md", []);
            WithFile("huge.md", Encoding.UTF8.GetBytes("# Huge\n" + new string('x', 20 * 1024 * 1024)));
            WithNote("table.md", "# Table\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n");
            WithFile("binary.md", [0x23, 0x20, 0x00, 0x01, 0x02]);
            Directory.CreateDirectory(Path.Combine(ContentRoot, "x.md"));
        }
    }

    private readonly HttpClient _client;

    public ContentProblemsTests(BrokenNotes portal) => _client = portal.CreateClient();

    [Theory]
    [InlineData("latin1.md", "not UTF-8")]
    [InlineData("empty.md", "empty")]
    [InlineData("huge.md", "20 MB")]
    [InlineData("table.md", "malformed")]
    [InlineData("binary.md", "binary")]
    [InlineData("x.md", "folder")]
    public async Task Each_bad_file_is_listed_with_its_path(string file, string why)
    {
        var problems = await _client.GetFromJsonAsync<JsonElement>("/api/problems");

        Assert.Contains(problems.EnumerateArray(), p =>
            p.GetProperty("path").GetString() == file && p.GetProperty("message").GetString()!.Contains(why));
    }

    [Fact]
    public async Task The_other_notes_are_still_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/notes/good")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/notes/table")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/notes/latin1")).StatusCode);
        var problemsPage = await _client.GetStringAsync("/problems");
        Assert.Contains("latin1.md", problemsPage);
    }
}
