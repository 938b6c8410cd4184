namespace SageStudy.Content;

/// <summary>
/// Titles for folders, which have only a path: each folder name is spelt as the notes inside it spell
/// it ("mlops" is "MLOps" beside a note titled "MLOps &amp; Deployment"), else capitalised.
/// </summary>
public static class FolderTitles
{
    public const string Root = "Notes";

    /// <summary>The title of every folder holding notes, found in one pass over the notes.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<Note> notes)
    {
        // For each folder and parent folder, how a note inside it spells its name (null: none yet).
        var spelt = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            foreach (var prefix in Prefixes(note.Folder))
            {
                if (!spelt.TryGetValue(prefix, out var found) || found is null)
                {
                    spelt[prefix] = SpeltIn(note.Title, NameOf(prefix));
                }
            }
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = Root };
        foreach (var folder in spelt.Keys)
        {
            titles[folder] = string.Join(" / ", Prefixes(folder).Select(p => spelt[p] ?? Capitalise(NameOf(p))));
        }

        return titles;
    }

    /// <summary>"a/b/c" → "a", "a/b", "a/b/c".</summary>
    private static IEnumerable<string> Prefixes(string folder)
    {
        for (var end = folder.IndexOf('/'); folder.Length > 0; end = folder.IndexOf('/', end + 1))
        {
            if (end < 0)
            {
                yield return folder;
                yield break;
            }

            yield return folder[..end];
        }
    }

    private static string NameOf(string folder) => folder[(folder.LastIndexOf('/') + 1)..].Replace('-', ' ');

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
