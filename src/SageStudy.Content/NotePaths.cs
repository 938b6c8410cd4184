namespace SageStudy.Content;

/// <summary>Note paths: content-relative, '/'-separated, without the ".md" extension.</summary>
public static class NotePaths
{
    public const string Extension = ".md";

    public static string FolderOf(string notePath)
    {
        var slash = notePath.LastIndexOf('/');
        return slash < 0 ? "" : notePath[..slash];
    }

    /// <summary>
    /// Resolves a relative Markdown link (<c>../mlops/x.md</c>) from a note to a note path,
    /// or null when it climbs above the content root.
    /// </summary>
    public static string? Resolve(string fromNote, string relativeFile)
    {
        var parts = new List<string>();
        if (!relativeFile.StartsWith('/'))
        {
            var folder = FolderOf(fromNote);
            if (folder.Length > 0)
            {
                parts.AddRange(folder.Split('/'));
            }
        }

        foreach (var segment in relativeFile.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var path = string.Join('/', parts);
        return path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? path[..^Extension.Length] : null;
    }
}
