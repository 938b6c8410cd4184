using System.Security.Cryptography;
using System.Text;

namespace SageStudy.Content;

/// <summary>A note file read from disk: its path (no ".md"), text and content hash.</summary>
public sealed record NoteFile(string Path, string Text, string Hash);

/// <summary>A file or folder the portal could not use, with where and why; listed on /problems.</summary>
public sealed record ContentProblem(string Path, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Message}" : $"{Path}: {Message}";
}

/// <param name="Unusable">Note paths of files that exist but could not be used this time.</param>
/// <param name="RootAvailable">False when the content folder itself is missing or unreadable.</param>
public sealed record ScanResult(IReadOnlyList<NoteFile> Files, IReadOnlyList<ContentProblem> Problems, IReadOnlySet<string> Unusable, bool RootAvailable = true);

/// <summary>
/// Reads every note under the content root. A file that cannot be used becomes a problem,
/// never an exception: one bad file must not keep the other notes from being served.
/// </summary>
public sealed class ContentScanner(string root, long maxNoteBytes = ContentScanner.DefaultMaxNoteBytes, string? questionFolder = null)
{
    public const long DefaultMaxNoteBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Root { get; } = Path.GetFullPath(root);

    public ScanResult Scan()
    {
        var files = new List<NoteFile>();
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(Root))
        {
            problems.Add(new ContentProblem("", null, $"The content folder {Root} does not exist."));
            return new ScanResult(files, problems, new HashSet<string>(), RootAvailable: false);
        }

        try
        {
            Directory.EnumerateFileSystemEntries(Root).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem("", null, $"The content folder {Root} cannot be read: {e.Message}"));
            return new ScanResult(files, problems, new HashSet<string>(), RootAvailable: false);
        }

        Walk(new DirectoryInfo(Root), "", files, problems);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var unusable = problems
            .Where(p => p.Path.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(Root, p.Path)))
            .Select(p => p.Path[..^NotePaths.Extension.Length])
            .ToHashSet(StringComparer.Ordinal);
        return new ScanResult(files, problems, unusable);
    }

    /// <summary>Reads one note file by its full path; null with a problem when it cannot be used.</summary>
    public NoteFile? Read(string fullPath, out ContentProblem? problem)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        var notePath = relative[..^NotePaths.Extension.Length];
        problem = null;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > maxNoteBytes)
            {
                problem = new ContentProblem(relative, null,
                    $"The file is {info.Length / 1024.0 / 1024.0:0.#} MB; notes over {maxNoteBytes / 1024.0 / 1024.0:0.#} MB are skipped (Content:MaxNoteBytes).");
                return null;
            }

            var bytes = File.ReadAllBytes(fullPath);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var text = Decode(bytes, relative, out problem);
            return text is null ? null : new NoteFile(notePath, text, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ContentProblem(relative, null, $"The file cannot be read: {e.Message}");
            return null;
        }
    }

    private static string? Decode(byte[] bytes, string relative, out ContentProblem? problem)
    {
        problem = null;
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            problem = new ContentProblem(relative, null, $"The file is not UTF-8 text (bad byte at offset {e.Index}); save it as UTF-8.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = new ContentProblem(relative, null, "The file is empty.");
            return null;
        }

        if (text.Contains('\0'))
        {
            problem = new ContentProblem(relative, null, "The file holds binary data (NUL bytes), not Markdown.");
            return null;
        }

        return text;
    }

    private void Walk(DirectoryInfo directory, string relative, List<NoteFile> files, List<ContentProblem> problems)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem(relative, null, $"The folder cannot be read: {e.Message}"));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry is DirectoryInfo folder)
            {
                if (folder.LinkTarget is not null || (relative.Length == 0 && entry.Name == questionFolder))
                {
                    continue;
                }

                if (entry.Name.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new ContentProblem(path, null, "This is a folder, not a note file; its name should not end in .md."));
                }

                Walk(folder, path, files, problems);
            }
            else if (entry.Name.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase))
            {
                var file = Read(entry.FullName, out var problem);
                if (file is not null)
                {
                    files.Add(file);
                }
                else if (problem is not null)
                {
                    problems.Add(problem);
                }
            }
        }
    }
}
