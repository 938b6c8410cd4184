using System.Threading.Channels;

namespace SageStudy.Web.Indexing;

/// <summary>
/// Live reload: any change under the notes folder triggers a rebuild once the folder has been
/// quiet for a moment (an editor saving writes several events). The rebuild re-parses only
/// files whose content changed. A file caught half-written simply triggers another rebuild
/// when its last write lands.
/// </summary>
public sealed class ContentWatcher(ContentIndex index, ILogger<ContentWatcher> logger) : BackgroundService
{
    /// <summary>How long the folder must be quiet before rebuilding.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>How often to look again for a notes folder that is missing or whose watcher failed.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var watcher = TryWatch();
                if (watcher is null)
                {
                    // No folder to watch: poll, so a folder that comes back (or is created) is picked up.
                    await Task.Delay(Retry, stoppingToken);
                    await RebuildAsync(stoppingToken);
                    continue;
                }

                await WatchAsync(watcher, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The portal is stopping: not a failure of the watcher.
        }
    }

    private FileSystemWatcher? TryWatch()
    {
        if (!Directory.Exists(index.Root))
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(index.Root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, e) =>
            {
                // Overflow or a vanished folder: events were lost, so rebuild everything from disk.
                logger.LogWarning(e.GetException(), "Watching {Root} failed; re-indexing from disk", index.Root);
                Signal();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Cannot watch {Root}; retrying", index.Root);
            return null;
        }
    }

    private async Task WatchAsync(FileSystemWatcher watcher, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(Retry);
            try
            {
                await _changes.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                if (!Directory.Exists(index.Root))
                {
                    await RebuildAsync(stoppingToken);
                    return;
                }

                continue;
            }

            await QuietAsync(stoppingToken);
            await RebuildAsync(stoppingToken);
        }
    }

    /// <summary>Waits until no change has arrived for <see cref="Debounce"/>.</summary>
    private async Task QuietAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(Debounce, stoppingToken);
            if (!_changes.Reader.TryRead(out _))
            {
                return;
            }
        }
    }

    private void Signal() => _changes.Writer.TryWrite(true);

    private async Task RebuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.RebuildAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The portal keeps serving the last good index; the next change tries again.
            logger.LogError(e, "Re-indexing {Root} failed", index.Root);
        }
    }
}
