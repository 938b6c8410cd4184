namespace SageStudy.Content.Questions;

/// <summary>
/// Every question the portal can ask, authored and generated, built once per content change.
/// Like <see cref="ContentSnapshot"/> it never changes: a rebuild makes a new bank.
/// </summary>
public sealed class QuestionBank
{
    public static readonly QuestionBank Empty = new([], []);

    private readonly Dictionary<string, Question> _byId;

    /// <exception cref="ArgumentException">Two questions share an id.</exception>
    public QuestionBank(IReadOnlyList<Question> questions, IReadOnlyList<ContentProblem> problems)
    {
        All = questions;
        Problems = problems;
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Question> All { get; }

    /// <summary>Bank files and questions that could not be used, with file and line.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    public Question? Find(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>
/// Builds the bank from the authored question files and the notes. A bad file or question
/// becomes a problem, never an exception, so the rest of the bank is still served.
/// </summary>
public static class QuestionBankBuilder
{
    /// <param name="contentRoot">The content root; problem paths are relative to it.</param>
    /// <param name="questionFolder">The bank folder relative to <paramref name="contentRoot"/>, e.g. "quiz"; null for generated questions only.</param>
    /// <param name="generate">Makes a note's generated questions; a caller may cache them per note.</param>
    public static QuestionBank Build(ContentSnapshot snapshot, string contentRoot, string? questionFolder, Func<Note, IReadOnlyList<Question>>? generate = null)
    {
        var questions = new List<Question>();
        var problems = new List<ContentProblem>();
        var firstUse = new Dictionary<string, Question>(StringComparer.Ordinal);

        foreach (var file in ReadBankFiles(contentRoot, questionFolder, problems))
        {
            problems.AddRange(file.Problems);
            foreach (var question in file.Questions)
            {
                if (firstUse.TryGetValue(question.Id, out var first))
                {
                    problems.Add(new ContentProblem(file.File, question.Line, $"The id '{question.Id}' is already used in {first.File}:{first.Line}."));
                }
                else
                {
                    firstUse.Add(question.Id, question);
                    if (SectionProblem(snapshot, question) is { } problem)
                    {
                        problems.Add(new ContentProblem(file.File, question.Line, problem));
                    }
                    else
                    {
                        questions.Add(question);
                    }
                }
            }
        }

        questions.AddRange(snapshot.Notes.AsParallel().AsOrdered().SelectMany(generate ?? QuestionGenerator.Generate));
        return new QuestionBank(questions, problems);
    }

    /// <summary>Why a question's Section does not point at a section a learner can re-read, or null.</summary>
    private static string? SectionProblem(ContentSnapshot snapshot, Question question)
    {
        var section = $"Section: {question.Note}#{question.Anchor}";
        if (snapshot.Find(question.Note) is not { } note)
        {
            return $"{section} names an unknown note: there is no note {question.Note}.";
        }

        return note.Headings.Any(h => h.Anchor == question.Anchor) || note.Units.Any(u => u.Anchor == question.Anchor)
            ? null
            : $"{section} names an unknown anchor: {note.Title} has no section #{question.Anchor}.";
    }

    private static List<QuestionFile> ReadBankFiles(string contentRoot, string? questionFolder, List<ContentProblem> problems)
    {
        var files = new List<QuestionFile>();
        if (string.IsNullOrEmpty(questionFolder))
        {
            return files;
        }

        var root = Path.GetFullPath(contentRoot);
        var folder = new DirectoryInfo(Path.Combine(root, questionFolder));
        if (!folder.Exists)
        {
            return files;
        }

        // Reading a bank file has the same pitfalls as reading a note, so it goes through the same checks.
        var scanner = new ContentScanner(root);
        foreach (var path in BankFilePaths(folder, root, problems).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var text = scanner.Read(path, out var problem)?.Text;
            if (text is not null)
            {
                files.Add(QuestionBankParser.Parse(relative, text));
            }
            else if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return files;
    }

    private static IEnumerable<string> BankFilePaths(DirectoryInfo folder, string root, List<ContentProblem> problems)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem(Path.GetRelativePath(root, folder.FullName).Replace('\\', '/'), null, $"The folder cannot be read: {e.Message}"));
            return [];
        }

        var paths = new List<string>();
        foreach (var entry in entries.Where(e => !e.Name.StartsWith('.')))
        {
            if (entry is DirectoryInfo { LinkTarget: null } subfolder)
            {
                paths.AddRange(BankFilePaths(subfolder, root, problems));
            }
            else if (entry is FileInfo && entry.Name.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase))
            {
                paths.Add(entry.FullName);
            }
        }

        return paths;
    }
}
