namespace SageStudy.Content;

/// <summary>
/// Titles for folders, which have only a path: each folder name is spelt as the notes inside it spell
/// it ("mlops" is "MLOps" beside a note titled "MLOps &amp; Deployment"), else capitalised.
/// </summary>
public static class FolderTitles
{
    public const string Root = "Notes";

    /// <param name="folder">A folder path under the content root, '/'-separated; "" for the root.</param>
    /// <param name="notes">The notes, of which those inside the folder are looked at.</param>
    public static string Of(string folder, IEnumerable<Note> notes)
    {
        if (folder.Length == 0)
        {
            return Root;
        }

        var segments = folder.Split('/');
        var titles = new string[segments.Length];
        var inside = notes.ToList();
        for (var i = 0; i < segments.Length; i++)
        {
            var prefix = string.Join('/', segments.Take(i + 1));
            inside = inside.Where(n => n.Folder == prefix || n.Folder.StartsWith(prefix + "/", StringComparison.Ordinal)).ToList();
            var name = segments[i].Replace('-', ' ');
            titles[i] = inside.Select(n => SpeltIn(n.Title, name)).FirstOrDefault(t => t is not null) ?? Capitalise(name);
        }

        return string.Join(" / ", titles);
    }

    /// <summary>The word or phrase as the title writes it, if the title holds it as whole words.</summary>
    private static string? SpeltIn(string title, string name)
    {
        for (var at = title.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = title.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(title[at - 1])) && (end == title.Length || !char.IsLetterOrDigit(title[end])))
            {
                return title.Substring(at, name.Length);
            }
        }

        return null;
    }

    private static string Capitalise(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
