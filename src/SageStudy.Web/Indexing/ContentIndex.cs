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

    QuestionBank Questions { get; }

    ExamBlueprint Blueprint { get; }

    /// <summary>Every problem with the notes, the questions and the exam mapping.</summary>
    IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>False until the first build has finished.</summary>
    bool IsReady { get; }
}

/// <summary>
/// Owns the current snapshot: rebuilds run one at a time, and each ends by swapping in a whole new
/// snapshot, so readers never see a half-built index.
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


    public ContentSnapshot Current => Volatile.Read(ref _state).Snapshot;

    public QuestionBank Questions => Volatile.Read(ref _state).Questions;

    public ExamBlueprint Blueprint => Volatile.Read(ref _state).Blueprint;

    public IReadOnlyList<ContentProblem> Problems => Volatile.Read(ref _state).Problems;

    public bool IsReady => !ReferenceEquals(Volatile.Read(ref _state), ContentState.Empty);

    /// <summary>What the most recent build did.</summary>
    public BuildStats? LastBuild { get; private set; }

    public string Root { get; } = Path.GetFullPath(settings.Value.Root ?? ContentLocations.DefaultContentRoot());

    /// <summary>Raised after a new snapshot is in place.</summary>
    public event Action<ContentSnapshot>? Changed;

    public async Task<BuildStats> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // The first build reuses what the database remembers; later ones what is in memory.
            _stored ??= await Task.Run(store.Load, cancellationToken);
            var known = IsReady ? Current.Notes.ToDictionary(n => n.Path, StringComparer.Ordinal) : _stored;
            var loaded = Stopwatch.GetElapsedTime(started);

            var scanner = new ContentScanner(Root, settings.Value.MaxNoteBytes, settings.Value.QuestionFolder);
            var scan = await Task.Run(scanner.Scan, cancellationToken);
            if (!scan.RootAvailable && IsReady)
            {
                // The folder vanished or turned unreadable: keep serving what was indexed, and say why.
                var current = Volatile.Read(ref _state);
                Volatile.Write(ref _state, current with { Problems = scan.Problems.Concat(current.Problems.Where(p => p.Path.Length > 0)).ToList() });
                logger.LogWarning("Content problem: {Problem}; still serving the last indexed notes", scan.Problems[0].ToString());
                return LastBuild!;
            }

            var (snapshot, stats, parsedNotes) = await Task.Run(() => _builder.Build(scan, known), cancellationToken);
            var parsed = Stopwatch.GetElapsedTime(started);
            // Writing the notes and building the question bank need only the snapshot: on two cores they overlap.
            var saving = Task.Run(() => store.Save(snapshot, known, parsedNotes), cancellationToken);
            var state = await Task.Run(() => ContentState.From(snapshot, Root, settings.Value, GeneratedQuestions), cancellationToken);
            var questioned = Stopwatch.GetElapsedTime(started);
            await saving;
            await Task.Run(() => store.SaveQuestions(snapshot, state.Questions), cancellationToken);
            _stored = null;
            stats = stats with { Elapsed = Stopwatch.GetElapsedTime(started) };
            logger.LogInformation(
                "Indexed {Notes} notes and {Questions} questions from {Root} in {Elapsed} ms ({Parsed} parsed, {Reused} unchanged; " +
                "stored index {LoadMs} ms, reading and parsing {ParseMs} ms, questions {QuestionMs} ms, database {DatabaseMs} ms), {Problems} problems",
                stats.Notes, state.Questions.All.Count, Root, (int)stats.Elapsed.TotalMilliseconds, stats.Parsed, stats.Reused,
                (int)loaded.TotalMilliseconds, (int)(parsed - loaded).TotalMilliseconds, (int)(questioned - parsed).TotalMilliseconds, (int)(stats.Elapsed - questioned).TotalMilliseconds,
                state.Problems.Count);
            Volatile.Write(ref _state, state);
            LastBuild = stats;
            LogProblems(state);
            Changed?.Invoke(snapshot);
            return stats;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Generated questions depend only on their note, so an unchanged note keeps the ones it had.</summary>
    private IReadOnlyList<Question> GeneratedQuestions(Note note) => _generated.GetValue(note, QuestionGenerator.Generate);

    private void LogProblems(ContentState state)
    {
        foreach (var problem in state.Problems)
        {
            logger.LogWarning("Content problem: {Problem}", problem.ToString());
        }
    }

    internal static TagRules Rules(ContentSettings settings) =>
        settings.SectionAliases.Count == 0 ? TagRules.Default : new TagRules(settings.SectionAliases);
}

/// <summary>Notes, questions and exam mapping of one build, swapped in together.</summary>
internal sealed record ContentState(ContentSnapshot Snapshot, QuestionBank Questions, ExamBlueprint Blueprint, IReadOnlyList<ContentProblem> Problems)
{
    public static readonly ContentState Empty = new(ContentSnapshot.Empty, QuestionBank.Empty, ExamBlueprint.Empty, []);

    /// <summary>Adds the question bank and exam mapping to a snapshot, with every problem found on the way.</summary>
    public static ContentState From(ContentSnapshot snapshot, string root, ContentSettings settings, Func<Note, IReadOnlyList<Question>>? generate = null)
    {
        var questions = QuestionBankBuilder.Build(snapshot, root, settings.QuestionFolder, generate);
        var blueprint = ExamBlueprint.Load(Path.Combine(root, settings.ExamDomainsFile), out var blueprintProblem);
        var problems = snapshot.Problems.Concat(questions.Problems).Concat(blueprintProblem is null ? [] : [blueprintProblem]).ToList();
        return new ContentState(snapshot, questions, blueprint, problems);
    }
}
