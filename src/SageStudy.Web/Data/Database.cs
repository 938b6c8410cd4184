using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Data;

public static class Database
{
    /// <summary>ConnectionStrings:SageStudy, or a file in the gitignored data/ folder.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("SageStudy");
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={ContentLocations.DefaultDatabasePath()}")
        {
            // Concurrent learners wait for the writer instead of failing with "database is locked".
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }

    /// <summary>
    /// The folder holding the database file; the keys that protect sign-in cookies are kept beside it,
    /// so learners stay signed in across restarts.
    /// </summary>
    public static string DataFolder(IConfiguration configuration)
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString(configuration)).DataSource;
        return Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? "data/x" : dataSource))!;
    }

    /// <summary>Creates the database file's folder, applies migrations and turns on write-ahead logging.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
