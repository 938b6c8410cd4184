using System.Diagnostics;
using SageStudy.Content;
using SageStudy.Content.Questions;

namespace SageStudy.Bench;

/// <summary>
/// Times the content library's indexing steps on a notes folder, in this process and without the
/// database, to tell which part of the portal's start-up indexing costs what: scanning (reading and
/// hashing files), parsing (Markdown to notes) and building the question bank. The best of a few
/// rounds, after a warm-up round.
/// </summary>
internal static class Phases
{
    public static int Run(Options options)
    {
        var root = Path.GetFullPath(options.Text("notes"));
        var rounds = options.Int("rounds", 3);
        var best = new Dictionary<string, double>();

        for (var round = 0; round <= rounds; round++)
        {
            var scan = Time(best, round, "scan", () => new ContentScanner(root, ContentScanner.DefaultMaxNoteBytes, "quiz").Scan());
            var builder = new ContentIndexBuilder(new NoteParser());
            var snapshot = Time(best, round, "parse", () => builder.Build(scan, new Dictionary<string, Note>()).Snapshot);
            Time(best, round, "reuse", () => builder.Build(scan, snapshot.Notes.ToDictionary(n => n.Path, StringComparer.Ordinal)));
            Time(best, round, "question_bank", () => QuestionBankBuilder.Build(snapshot, root, "quiz"));
        }

        foreach (var (phase, ms) in best)
        {
            Commands.Result($"{phase}_ms", Math.Round(ms, 1));
        }

        return 0;
    }

    private static T Time<T>(Dictionary<string, double> best, int round, string phase, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (round > 0)
        {
            best[phase] = Math.Min(best.GetValueOrDefault(phase, double.MaxValue), ms);
        }

        return result;
    }
}
