namespace SageStudy.Web.Indexing;

/// <summary>
/// Where the notes and the database live when configuration does not say: beside the published app,
/// or in the repository when started from a clone with <c>dotnet run</c>.
/// </summary>
public static class ContentLocations
{
    public static string DefaultContentRoot()
    {
        var besideApp = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(besideApp))
        {
            return besideApp;
        }

        return Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "content");
    }

    public static string DefaultDatabasePath()
    {
        var baseFolder = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "content"))
            ? AppContext.BaseDirectory
            : RepositoryRoot() ?? Directory.GetCurrentDirectory();
        return Path.Combine(baseFolder, "data", "sagestudy.db");
    }

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SageStudy.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
