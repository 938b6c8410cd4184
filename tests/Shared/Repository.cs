namespace SageStudy.Testing;

/// <summary>
/// Where the clone is: the shipped notes are copied from it and screenshots are written into it.
/// Compiled into each test project that needs it (linked from tests/Shared).
/// </summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ShippedContent => Path.Combine(Root, "content");

    public static string ScreenshotFolder => Path.Combine(Root, "docs", "screenshots");

    public static void CopyShippedContent(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(ShippedContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(ShippedContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string FindRoot()
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
