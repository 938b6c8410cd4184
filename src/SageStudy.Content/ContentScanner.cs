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

        var found = new List<Found>();
        Walk(new DirectoryInfo(Root), "", found);
        // Reading and hashing is most of a scan: the files are read on every core, the results kept in walk order.
        var read = new NoteFile?[found.Count];
        var readProblems = new ContentProblem?[found.Count];
        Parallel.For(0, found.Count, i =>
        {
            if (found[i].FullPath is { } fullPath)
            {
                read[i] = Read(fullPath, out readProblems[i]);
            }
        });

        for (var i = 0; i < found.Count; i++)
        {
            if (read[i] is { } file)
            {
                files.Add(file);
            }
            else if ((found[i].Problem ?? readProblems[i]) is { } problem)
            {
                problems.Add(problem);
            }
        }

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
            // One open for the size check and the read: a separate stat would look the path up again.
            using var handle = File.OpenHandle(fullPath);
            var length = RandomAccess.GetLength(handle);
            if (length > Math.Min(maxNoteBytes, Array.MaxLength))
            {
                problem = new ContentProblem(relative, null,
                    $"The file is {length / 1024.0 / 1024.0:0.#} MB; notes over {maxNoteBytes / 1024.0 / 1024.0:0.#} MB are skipped (Content:MaxNoteBytes).");
                return null;
            }

            var bytes = ReadAll(handle, (int)length);
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

    /// <summary>Reads the file to its end; a file that shrank since its length was taken gives what it still holds.</summary>
    private static byte[] ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int length)
    {
        var bytes = new byte[length];
        var total = 0;
        while (total < length && RandomAccess.Read(handle, bytes.AsSpan(total), total) is var count and > 0)
        {
            total += count;
        }

        return total == length ? bytes : bytes[..total];
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

    /// <summary>A note file to read, or a problem met while walking, in the order the walk met them.</summary>
    private sealed record Found(string? FullPath, ContentProblem? Problem);

    private void Walk(DirectoryInfo directory, string relative, List<Found> found)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found.Add(new Found(null, new ContentProblem(relative, null, $"The folder cannot be read: {e.Message}")));
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
                    found.Add(new Found(null, new ContentProblem(path, null, "This is a folder, not a note file; its name should not end in .md.")));
                }

                Walk(folder, path, found);
            }
            else if (entry.Name.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new Found(entry.FullName, null));
            }
        }
    }
}
