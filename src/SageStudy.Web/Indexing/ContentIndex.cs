using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SageStudy.Content;
using SageStudy.Content.Questions;

namespace SageStudy.Web.Indexing;

/// <summary>The notes as the portal serves them right now.</summary>
public interface IContentIndex
{
    ContentSnapshot Current { get; }

    /// <summary>The questions of the current notes; right after a build, waits the moment it takes to generate them.</summary>
    QuestionBank Questions { get; }

    ExamBlueprint Blueprint { get; }

    /// <summary>Every problem with the notes, the questions and the exam mapping (waiting for the questions like <see cref="Questions"/>).</summary>
    IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>False until the first build has finished.</summary>
    bool IsReady { get; }

    /// <summary>Completes once the search index holds the current notes (it is written just after they are served).</summary>
    Task SearchReady { get; }
}

/// <summary>
/// Owns the current snapshot: rebuilds run one at a time, and each swaps in a whole new snapshot,
/// so readers never see a half-built index. The notes are served as soon as they and their tags are
/// stored; their search rows and the question bank generated from them follow on threads of their
/// own, and whoever searches or asks for questions before those are in place waits for them rather
/// than seeing the previous notes' results.
/// </summary>
public sealed class ContentIndex(
    IOptions<ContentSettings> settings,
    IndexStore store,
    ILogger<ContentIndex> logger) : IContentIndex
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<Note, IReadOnlyList<Question>> _generated = new();
    private readonly ContentIndexBuilder _builder = new(new NoteParser(Rules(settings.Value), PortalUrls.Default));
    private ContentState _state = ContentState.Empty;
    private IReadOnlyDictionary<string, Note>? _stored;
    // Notes whose search rows could not be written: parsed again at the next build, so they are written then.
    // Only touched by a build and its search write, which hold the gate.
    private readonly HashSet<string> _unsearched = new(StringComparer.Ordinal);


    public ContentSnapshot Current => Volatile.Read(ref _state).Snapshot;

    public QuestionBank Questions => Volatile.Read(ref _state).Quiz.Questions;

    public ExamBlueprint Blueprint => Volatile.Read(ref _state).Quiz.Blueprint;

    public IReadOnlyList<ContentProblem> Problems => Volatile.Read(ref _state).Problems;

    public bool IsReady => !ReferenceEquals(Volatile.Read(ref _state), ContentState.Empty);

    public Task SearchReady => Volatile.Read(ref _state).SearchWritten;

    /// <summary>What the most recent build did.</summary>
    public BuildStats? LastBuild { get; private set; }

    public string Root { get; } = Path.GetFullPath(settings.Value.Root ?? ContentLocations.DefaultContentRoot());

    /// <summary>Indexes the notes and swaps them in; returns once they are served, while their search rows and question bank are still being built.</summary>
    public async Task<BuildStats> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var releaseGate = true;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var scanner = new ContentScanner(Root, settings.Value.MaxNoteBytes, settings.Value.QuestionFolder);
            var scanning = Task.Run(scanner.Scan, cancellationToken);
            IReadOnlyDictionary<string, Note> known;
            if (IsReady)
            {
                known = Current.Notes.ToDictionary(n => n.Path, StringComparer.Ordinal);
            }
            else
            {
                // The first build loads what the database remembers while the files are read; later builds reuse what is in memory.
                _stored ??= await Task.Run(() =>
                {
                    _unsearched.UnionWith(store.Unsearched());
                    return store.Load();
                }, cancellationToken);
                known = _stored;
            }

            var scan = await scanning;
            var read = Stopwatch.GetElapsedTime(started);
            if (!scan.RootAvailable && IsReady)
            {
                // The folder vanished or turned unreadable: keep serving what was indexed, and say why.
                var current = Volatile.Read(ref _state);
                Volatile.Write(ref _state, current with { FileProblems = scan.Problems });
                logger.LogWarning("Content problem: {Problem}; still serving the last indexed notes", scan.Problems[0].ToString());
                return LastBuild!;
            }

            var reusable = _unsearched.Count == 0 ? known
                : known.Where(n => !_unsearched.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
            using var write = store.BeginSave(known);
            var (snapshot, stats, parsedNotes) = await Task.Run(() => _builder.Build(scan, reusable, write.Add), cancellationToken);
            var parsed = Stopwatch.GetElapsedTime(started);
            var removed = known.Keys.Where(p => snapshot.Find(p) is null).ToList();
            await write.CompleteAsync(removed);
            _stored = null;
            stats = stats with { Elapsed = Stopwatch.GetElapsedTime(started) };
            logger.LogInformation(
                "Indexed {Notes} notes from {Root} in {Elapsed} ms ({Parsed} parsed, {Reused} unchanged; " +
                "stored index and files read {ReadMs} ms, parsing and storing {ParseMs} ms, committing {DatabaseMs} ms), {Problems} problems",
                stats.Notes, Root, (int)stats.Elapsed.TotalMilliseconds, stats.Parsed, stats.Reused,
                (int)read.TotalMilliseconds, (int)(parsed - read).TotalMilliseconds, (int)(stats.Elapsed - parsed).TotalMilliseconds,
                snapshot.Problems.Count);

            // Threads of their own: a request waiting for search or questions must not hold up their building.
            var search = Task.Factory.StartNew(() => WriteSearch(parsedNotes, removed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var quiz = Task.Factory.StartNew(() => BuildQuiz(snapshot), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Volatile.Write(ref _state, new ContentState(snapshot, quiz, search));
            LastBuild = stats;
            LogProblems(snapshot.Problems);
            releaseGate = false;
            _ = Task.WhenAll(search, quiz).ContinueWith(_ => _gate.Release(), TaskScheduler.Default);
            return stats;
        }
        finally
        {
            if (releaseGate)
            {
                _gate.Release();
            }
        }
    }

    private void WriteSearch(IReadOnlyList<NoteSearchText> parsed, IReadOnlyList<string> removed)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (parsed.Count == 0 && removed.Count == 0)
            {
                return;
            }

            var rows = store.SaveSearch(parsed, removed);
            // Every note that lacked search rows was parsed again for this write, which also cleared the stored list.
            _unsearched.Clear();
            logger.LogInformation("Search index: {Rows} sections and blocks of {Notes} notes written in {Elapsed} ms",
                rows, parsed.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Searches keep answering from the last search index written. These notes are parsed again at the
            // next build, and the database remembers them so that a restart does so too.
            logger.LogError(e, "The search index could not be updated; {Notes} notes will be indexed again at the next change or start", parsed.Count);
            _unsearched.UnionWith(parsed.Select(p => p.Note.Path));
            try
            {
                store.RememberUnsearched(_unsearched);
            }
            catch (Exception again) when (again is not OutOfMemoryException)
            {
                logger.LogError(again, "Could not record which notes lack search rows; after a restart, search may miss them until their files change");
            }
        }
    }

    private QuizContent BuildQuiz(ContentSnapshot snapshot)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var quiz = QuizContent.From(snapshot, Root, settings.Value, GeneratedQuestions);
            var built = Stopwatch.GetElapsedTime(started);
            store.SaveQuestions(snapshot, quiz.Questions);
            logger.LogInformation("Question bank: {Questions} questions in {Elapsed} ms (generating {BuildMs} ms, recording {RecordMs} ms)",
                quiz.Questions.All.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)built.TotalMilliseconds,
                (int)(Stopwatch.GetElapsedTime(started) - built).TotalMilliseconds);
            LogProblems(quiz.Problems);
            return quiz;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Notes keep being served; quizzes say there is nothing to ask until the next build.
            logger.LogError(e, "The question bank could not be built");
            return QuizContent.Empty with { Problems = [new ContentProblem("", null, $"The question bank could not be built: {e.Message}")] };
        }
    }

    /// <summary>Generated questions depend only on their note, so an unchanged note keeps the ones it had.</summary>
    private IReadOnlyList<Question> GeneratedQuestions(Note note) => _generated.GetValue(note, QuestionGenerator.Generate);

    private void LogProblems(IEnumerable<ContentProblem> problems)
    {
        foreach (var problem in problems)
        {
            logger.LogWarning("Content problem: {Problem}", problem.ToString());
        }
    }

    internal static TagRules Rules(ContentSettings settings) =>
        settings.SectionAliases.Count == 0 ? TagRules.Default : new TagRules(settings.SectionAliases);
}

/// <summary>The notes of one build and the search rows and question bank being built from them, swapped in together.</summary>
/// <param name="FileProblems">Set when the notes folder itself became unusable after this build.</param>
internal sealed record ContentState(ContentSnapshot Snapshot, Task<QuizContent> QuizBuilt, Task SearchWritten, IReadOnlyList<ContentProblem>? FileProblems = null)
{
    public static readonly ContentState Empty = new(ContentSnapshot.Empty, Task.FromResult(QuizContent.Empty), Task.CompletedTask);

    public QuizContent Quiz => QuizBuilt.IsCompletedSuccessfully ? QuizBuilt.Result : QuizBuilt.GetAwaiter().GetResult();

    public IReadOnlyList<ContentProblem> Problems =>
        (FileProblems ?? [])
            .Concat(FileProblems is null ? Snapshot.Problems : Snapshot.Problems.Where(p => p.Path.Length > 0))
            .Concat(Quiz.Problems)
            .ToList();
}

/// <summary>The question bank and exam mapping built from one snapshot, with the problems found on the way.</summary>
internal sealed record QuizContent(QuestionBank Questions, ExamBlueprint Blueprint, IReadOnlyList<ContentProblem> Problems)
{
    public static readonly QuizContent Empty = new(QuestionBank.Empty, ExamBlueprint.Empty, []);

    public static QuizContent From(ContentSnapshot snapshot, string root, ContentSettings settings, Func<Note, IReadOnlyList<Question>>? generate = null)
    {
        var questions = QuestionBankBuilder.Build(snapshot, root, settings.QuestionFolder, generate);
        var blueprint = ExamBlueprint.Load(Path.Combine(root, settings.ExamDomainsFile), out var blueprintProblem);
        return new QuizContent(questions, blueprint, questions.Problems.Concat(blueprintProblem is null ? [] : [blueprintProblem]).ToList());
    }
}
