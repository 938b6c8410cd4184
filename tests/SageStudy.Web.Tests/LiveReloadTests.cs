using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SageStudy.Web.Tests;

/// <summary>Editing, adding, renaming or deleting a note updates pages, tags and search while the portal runs.</summary>
public class LiveReloadTests
{
    /// <summary>Polls until the condition holds: the watcher works in the background, so tests wait for it.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The change never showed up.");
    }

    [Fact]
    public async Task Edits_additions_renames_and_deletions_show_up_without_a_restart()
    {
        using var portal = new PortalFactory().WithNote("a.md", "# Alpha\n\n## One `#exam-tip`\n\nfirst words\n");
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notes/a")).StatusCode);

        portal.WithNote("a.md", "# Alpha\n\n## One `#gotcha`\n\nzebracorn words\n");
        await Eventually(async () => (await client.GetStringAsync("/notes/a")).Contains("zebracorn"));
        Assert.Contains("a", (await client.GetFromJsonAsync<JsonElement>("/api/tags/gotcha")).EnumerateArray().Select(u => u.GetProperty("note").GetString()));
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/search?q=zebracorn")).EnumerateArray());

        portal.WithNote("b.md", "# Beta\n\n[alpha](a.md)\n");
        await Eventually(async () => (await client.GetAsync("/notes/b")).StatusCode == HttpStatusCode.OK);
        Assert.Contains("Beta", await client.GetStringAsync("/notes/a"));

        File.Move(Path.Combine(portal.ContentRoot, "a.md"), Path.Combine(portal.ContentRoot, "renamed.md"));
        await Eventually(async () => (await client.GetAsync("/notes/renamed")).StatusCode == HttpStatusCode.OK
            && (await client.GetAsync("/notes/a")).StatusCode == HttpStatusCode.NotFound);
        Assert.Contains("broken-link", await client.GetStringAsync("/notes/b"));

        File.Delete(Path.Combine(portal.ContentRoot, "renamed.md"));
        await Eventually(async () => (await client.GetAsync("/notes/renamed")).StatusCode == HttpStatusCode.NotFound);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/search?q=zebracorn")).EnumerateArray());
    }

    [Fact]
    public async Task Editing_many_notes_at_once_replaces_all_their_search_text()
    {
        using var portal = new PortalFactory();
        for (var i = 0; i < 5; i++)
        {
            portal.WithNote($"n{i}.md", $"# Note {i}\n\n## Part\n\noldword{i} text\n");
        }

        var client = portal.CreateClient();
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/search?q=oldword3")).EnumerateArray());

        for (var i = 0; i < 5; i++)
        {
            portal.WithNote($"n{i}.md", $"# Note {i}\n\n## Part\n\nnewword text\n");
        }

        await Eventually(async () => (await client.GetFromJsonAsync<JsonElement>("/api/search?q=newword")).GetArrayLength() == 5);
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/search?q=oldword{i}")).EnumerateArray());
        }
    }

    [Fact]
    public async Task A_note_whose_search_rows_fail_to_save_is_served_and_indexed_again_after_a_restart()
    {
        string folder, searchTable;
        using (var portal = new PortalFactory { KeepFolder = true }.WithNote("a.md", "# Alpha\n\nfirst words\n"))
        {
            var client = portal.CreateClient();
            Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/search?q=first")).EnumerateArray());

            // A search table that refuses one word stands in for a full disk or a damaged index.
            searchTable = await Sql<string>(portal.DatabasePath, "SELECT sql FROM sqlite_master WHERE name = 'SearchIndex'");
            await Sql<long>(portal.DatabasePath, "DROP TABLE SearchIndex; CREATE TABLE SearchIndex (title, note_title, body, note, anchor, folder, tags, CHECK (body NOT LIKE '%quokka%')); SELECT 0");

            portal.WithNote("a.md", "# Alpha\n\nquokka words\n");
            await Eventually(async () => (await client.GetStringAsync("/notes/a")).Contains("quokka"));
            await portal.Index.SearchReady;
            folder = portal.Folder;
        }

        await Sql<long>(Path.Combine(folder, "sagestudy.db"), $"DROP TABLE SearchIndex; {searchTable}; SELECT 0");
        using var restarted = new PortalFactory(folder);
        var again = restarted.CreateClient();
        Assert.Equal(1, restarted.Index.LastBuild!.Parsed);
        Assert.Single((await again.GetFromJsonAsync<JsonElement>("/api/search?q=quokka")).EnumerateArray());
    }

    [Fact]
    public async Task A_build_whose_database_write_fails_changes_nothing_stored_or_served()
    {
        using var portal = new PortalFactory().WithNote("a.md", "# Alpha\n\n## One `#exam-tip`\n\nfirst words\n");
        var client = portal.CreateClient();
        // The note's own row goes in before its tag rows: a refused tag row must take the new note row back out too.
        await Sql<long>(portal.DatabasePath,
            "CREATE TRIGGER refuse BEFORE INSERT ON UnitTags WHEN NEW.Tag = 'poison' BEGIN SELECT RAISE(ABORT, 'disk full'); END; SELECT 0");

        portal.WithNote("a.md", "# Alpha Two\n\n## One `#poison`\n\nother words\n");
        await Assert.ThrowsAsync<SqliteException>(() => portal.Index.RebuildAsync());

        Assert.Equal("Alpha", await Sql<string>(portal.DatabasePath, "SELECT Title FROM Notes WHERE Path = 'a'"));
        Assert.Equal(1L, await Sql<long>(portal.DatabasePath, "SELECT count(*) FROM UnitTags WHERE NotePath = 'a' AND Tag = 'exam-tip'"));
        Assert.DoesNotContain("Alpha Two", await client.GetStringAsync("/notes/a"));
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/tags/exam-tip")).EnumerateArray());

        await Sql<long>(portal.DatabasePath, "DROP TRIGGER refuse; SELECT 0");
        await portal.Index.RebuildAsync();
        Assert.Equal("Alpha Two", await Sql<string>(portal.DatabasePath, "SELECT Title FROM Notes WHERE Path = 'a'"));
        Assert.Contains("Alpha Two", await client.GetStringAsync("/notes/a"));
    }

    private static async Task<T> Sql<T>(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_vanished_or_garbled_content_folder_keeps_the_indexed_notes_served_and_reports_it()
    {
        using var portal = new PortalFactory().WithNote("keep.md", "# Keep me\n\ntext\n").WithNote("other.md", "# Other\n");
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notes/keep")).StatusCode);

        portal.WithFile("keep.md", [0xFF, 0xFE, 0x00, 0x41]);
        await Eventually(async () => (await client.GetStringAsync("/api/problems")).Contains("keep.md"));
        Assert.Contains("Keep me", await client.GetStringAsync("/notes/keep"));

        Directory.Move(portal.ContentRoot, portal.ContentRoot + "-gone");
        await Eventually(async () => (await client.GetStringAsync("/api/problems")).Contains("does not exist"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notes/other")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        Directory.Move(portal.ContentRoot + "-gone", portal.ContentRoot);
        portal.WithNote("other.md", "# Other, back\n");
        await Eventually(async () => (await client.GetStringAsync("/notes/other")).Contains("Other, back"));
        Assert.DoesNotContain("does not exist", await client.GetStringAsync("/api/problems"));
    }
}
