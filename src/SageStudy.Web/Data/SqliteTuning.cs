using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SageStudy.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps every committed
/// transaction through a crash or kill of the process (only an OS crash or power loss can drop the
/// last ones) while sparing an fsync per answer recorded; a busy timeout lets concurrent writers queue.
/// Each pooled connection keeps a small page cache of its own (the OS caches the file for all of them):
/// with the default 2 MB, 32 learners at once would hold 64 MB of duplicated pages.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    // SQLite's own busy handler waits for the writer in small steps; without it the driver retries in 150 ms sleeps.
    // The checkpoint interval is SQLite's default, set again because a first index build turns it off for its write.
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -512; PRAGMA wal_autocheckpoint = 1000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <summary>For connections opened without Entity Framework, such as the index store's.</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
