using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Content;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Tests;

/// <summary>The index lives in SQLite and a restart does not parse unchanged notes again.</summary>
public class IndexPersistenceTests
{
    [Fact]
    public async Task Tagged_units_are_indexed_in_sqlite()
    {
        using var portal = new PortalFactory().WithNote("sagemaker.md", PortalFactory.Fixture("seed-sagemaker.md"));
        _ = portal.Server;

        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var examTips = await db.UnitTags.Where(t => t.Tag == "exam-tip").OrderBy(t => t.Line).Select(t => t.Title).ToListAsync();

        Assert.Equal(["Built-in Algorithms", "Managed Spot Training", "SageMaker Serverless Inference", "SageMaker Autopilot", "Pricing Model", "Exam Tips"], examTips);
    }

    [Fact]
    public async Task A_restart_reuses_unchanged_notes_and_parses_only_edited_ones()
    {
        string folder;
        using (var first = new PortalFactory { KeepFolder = true })
        {
            first.WithNote("a.md", "# A\n\n[b](b.md)\n").WithNote("b.md", "# B\n").WithNote("c.md", "# C\n");
            _ = first.Server;
            Assert.Equal(3, first.Index.LastBuild!.Parsed);
            folder = first.Folder;
        }

        using var second = new PortalFactory(folder);
        second.WithNote("c.md", "# C edited\n");
        _ = second.Server;

        Assert.Equal((1, 2), (second.Index.LastBuild!.Parsed, second.Index.LastBuild.Reused));
        Assert.Equal("C edited", second.Index.Current.Find("c")!.Title);
        Assert.True(second.Index.Current.Find("a")!.Links.Single().Resolved);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_restart_with_nothing_changed_serves_the_same_pages_and_questions_from_the_database()
    {
        string folder;
        string notePage, tagPage;
        IReadOnlyList<string> questionIds;
        using (var first = new PortalFactory { KeepFolder = true })
        {
            first.WithNote("sagemaker.md", PortalFactory.Fixture("seed-sagemaker.md"));
            var client = first.CreateClient();
            notePage = await client.GetStringAsync("/notes/sagemaker");
            tagPage = await client.GetStringAsync("/tags/exam-tip");
            questionIds = first.Index.Questions.All.Select(q => q.Id).ToList();
            folder = first.Folder;
        }

        using var second = new PortalFactory(folder);
        var again = second.CreateClient();

        Assert.Equal(0, second.Index.LastBuild!.Parsed);
        Assert.Equal(notePage, await again.GetStringAsync("/notes/sagemaker"));
        Assert.Equal(tagPage, await again.GetStringAsync("/tags/exam-tip"));
        Assert.NotEmpty(questionIds);
        Assert.Equal(questionIds, second.Index.Questions.All.Select(q => q.Id));
    }

    [Fact]
    public void Tags_read_back_from_the_database_share_one_string_per_name()
    {
        var note = new NoteParser().Parse("n", "# T\n\nText `#exam-tip`\n\n## S `#exam-tip`\n", "hash", _ => true).Note;

        var read = StoredNote.ReadOutline(StoredNote.WriteOutline(note))!;

        Assert.Same(note.Units[0].Tags.Single(), read.Units[0].Tags.Single());
        Assert.Same(read.Units[0].Tags.Single(), read.Headings.Single(h => h.Title == "S").Tags.Single());
    }

    [Fact]
    public async Task A_damaged_stored_note_is_parsed_again_from_its_file()
    {
        string folder;
        using (var first = new PortalFactory { KeepFolder = true })
        {
            first.WithNote("a.md", "# Alpha\n\n## One `#exam-tip`\n\nfirst words\n").WithNote("b.md", "# Beta\n");
            _ = first.Server;
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
            await db.Database.ExecuteSqlRawAsync("UPDATE Notes SET Parsed = x'01ff' WHERE Path = 'a'");
            folder = first.Folder;
        }

        using var second = new PortalFactory(folder);
        var client = second.CreateClient();

        Assert.Equal((1, 1), (second.Index.LastBuild!.Parsed, second.Index.LastBuild.Reused));
        Assert.Contains("first words", await client.GetStringAsync("/notes/a"));
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/tags/exam-tip")).EnumerateArray());
    }
}
