using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>
/// <c>dotnet run --project src/SageStudy.Web -- check [folder]</c>: indexes a notes folder without
/// starting the server and prints every problem as <c>path:line: message</c>, for a git hook or CI.
/// </summary>
public static class ContentCheck
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "check";

    /// <returns>The process exit code: 1 when there is any problem, else 0.</returns>
    public static int Run(string[] args, IConfiguration configuration, TextWriter output)
    {
        var settings = configuration.GetSection("Content").Get<ContentSettings>() ?? new ContentSettings();
        var folderArgument = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var root = Path.GetFullPath(folderArgument ?? settings.Root ?? ContentLocations.DefaultContentRoot());

        var scan = new ContentScanner(root, settings.MaxNoteBytes, settings.QuestionFolder).Scan();
        var snapshot = new ContentIndexBuilder(new NoteParser(ContentIndex.Rules(settings), PortalUrls.Default)).Build(scan, new Dictionary<string, Note>()).Snapshot;
        var quiz = QuizContent.From(snapshot, root, settings);
        var problems = snapshot.Problems.Concat(quiz.Problems).ToList();

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        var counts = $"{snapshot.Notes.Count} notes and {quiz.Questions.All.Count} questions";
        output.WriteLine(problems.Count == 0
            ? $"{root}: {counts}, no problems."
            : $"{root}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in {counts}.");
        return problems.Count == 0 ? 0 : 1;
    }
}
