using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Tests;

/// <summary>
/// The real app over a temporary notes folder and a temporary SQLite file, deleted afterwards.
/// Notes written before the first request are in the first index build.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory() : this(Directory.CreateTempSubdirectory("sagestudy-test-").FullName)
    {
    }

    /// <summary>Shares a folder with another factory: the same notes and database, as after a restart.</summary>
    public PortalFactory(string folder)
    {
        Folder = folder;
        ContentRoot = Path.Combine(folder, "content");
        Directory.CreateDirectory(ContentRoot);
    }

    public string Folder { get; }
    public string ContentRoot { get; }
    public string DatabasePath => Path.Combine(Folder, "sagestudy.db");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public PortalFactory WithNote(string relativePath, string markdown)
    {
        var path = Path.Combine(ContentRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, markdown);
        return this;
    }

    public PortalFactory WithFile(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ContentRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public ContentIndex Index => Services.GetRequiredService<ContentIndex>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Root", ContentRoot);
        builder.UseSetting("ConnectionStrings:SageStudy", $"Data Source={DatabasePath}");
    }

    public bool KeepFolder { get; set; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the test run over it is not.
            }
        }
    }
}
