namespace SageStudy.Web.Tests;

/// <summary>The portal over a copy of the shipped notes and question bank.</summary>
public sealed class QuizPortalFactory : PortalFactory
{
    public QuizPortalFactory()
    {
        CopyShippedContent(ContentRoot);
    }

    public static void CopyShippedContent(string destination)
    {
        var source = Path.Combine(RepositoryRoot(), "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SageStudy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the repository: SageStudy.sln not found above " + AppContext.BaseDirectory);
    }
}
