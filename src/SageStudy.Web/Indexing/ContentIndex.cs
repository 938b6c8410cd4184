using Microsoft.Extensions.Options;
using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>The notes as the portal serves them right now.</summary>
public interface IContentIndex
{
    ContentSnapshot Current { get; }

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
    private readonly ContentIndexBuilder _builder = new(new NoteParser(Rules(settings.Value), PortalUrls.Default));
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private IReadOnlyDictionary<string, Note>? _stored;

    public ContentSnapshot Current => Volatile.Read(ref _current);

    public bool IsReady => !ReferenceEquals(Current, ContentSnapshot.Empty);

    /// <summary>What the most recent build did.</summary>
    public BuildStats? LastBuild { get; private set; }

    public string Root { get; } = Path.GetFullPath(settings.Value.Root ?? ContentLocations.DefaultContentRoot());

    /// <summary>Raised after a new snapshot is in place.</summary>
    public event Action<ContentSnapshot>? Changed;

    public async Task<BuildStats> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The first build reuses what the database remembers; later ones what is in memory.
            _stored ??= await store.LoadAsync(cancellationToken);
            var known = IsReady ? Current.Notes.ToDictionary(n => n.Path, StringComparer.Ordinal) : _stored;

            var scanner = new ContentScanner(Root, settings.Value.MaxNoteBytes, settings.Value.QuestionFolder);
            var (snapshot, stats) = await Task.Run(() => _builder.Build(scanner.Scan(), known), cancellationToken);

            await store.SaveAsync(snapshot, known, cancellationToken);
            _stored = null;
            Volatile.Write(ref _current, snapshot);
            LastBuild = stats;
            Log(snapshot, stats);
            Changed?.Invoke(snapshot);
            return stats;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Log(ContentSnapshot snapshot, BuildStats stats)
    {
        logger.LogInformation("Indexed {Notes} notes from {Root} in {Elapsed} ms ({Parsed} parsed, {Reused} unchanged), {Problems} problems",
            stats.Notes, Root, (int)stats.Elapsed.TotalMilliseconds, stats.Parsed, stats.Reused, stats.Problems);
        foreach (var problem in snapshot.Problems)
        {
            logger.LogWarning("Content problem: {Problem}", problem.ToString());
        }
    }

    private static TagRules Rules(ContentSettings settings) =>
        settings.SectionAliases.Count == 0 ? TagRules.Default : new TagRules(settings.SectionAliases);
}
