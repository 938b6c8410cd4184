using System.Collections.Concurrent;
using System.Data.Common;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SageStudy.Content;
using SageStudy.Content.Questions;
using SageStudy.Web.Data;

namespace SageStudy.Web.Indexing;

/// <summary>
/// Keeps the index in SQLite: each note's outline (read at every start, so an unchanged file is not
/// parsed again) and HTML (read when a page shows it), one row per tagged unit and tag, the search
/// index, and a record of every question.
/// </summary>
public sealed class IndexStore(IConfiguration configuration, ILogger<IndexStore> logger)
{
    // Plain pooled connections rather than a DbContext: the first context of a process costs ~30 ms
    // to set up, more than a whole restart with nothing changed should take.
    private readonly string _connectionString = Database.ConnectionString(configuration);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteTuning.Apply(connection);
        return connection;
    }

    /// <summary>The outlines of the notes stored by the last build; one that cannot be read is dropped, to be parsed again.</summary>
    public IReadOnlyDictionary<string, Note> Load()
    {
        var rows = new List<(string Path, byte[] Outline)>();
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Path, Parsed FROM Notes";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        var outlines = new Note?[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            try
            {
                outlines[i] = StoredNote.ReadOutline(rows[i].Outline) is { } note && note.Path == rows[i].Path ? note : null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogInformation("Re-parsing {Path}: its stored outline is damaged ({Message})", rows[i].Path, e.Message);
            }
        });

        var notes = new Dictionary<string, Note>(rows.Count, StringComparer.Ordinal);
        var unreadable = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (outlines[i] is { } note)
            {
                notes[note.Path] = note;
            }
            else
            {
                unreadable.Add(rows[i].Path);
            }
        }

        if (unreadable.Count > 0)
        {
            using var stale = new NoteRows(Open());
            stale.Delete(unreadable);
            stale.DeleteSearch(unreadable);
            stale.Commit();
        }

        return notes;
    }

    /// <summary>A note's HTML as last stored (newer than the caller's outline if the note changed since).</summary>
    public NoteBody? LoadBody(string path)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Body FROM Notes WHERE Path = $path";
        command.AddParameter("$path", path);
        return command.ExecuteScalar() is byte[] stored ? StoredNote.ReadBody(stored) : null;
    }

    /// <summary>
    /// Starts storing a build's notes while the rest are still being parsed: a thread of its own writes
    /// each note with its HTML and tag rows as it comes, all in one transaction, committed by
    /// <see cref="NoteWrite.CompleteAsync"/> and rolled back if the build ends without it.
    /// </summary>
    public NoteWrite BeginSave(IReadOnlyDictionary<string, Note> known) => new(this, known);

    /// <summary>A build's notes on their way into the database; see <see cref="BeginSave"/>.</summary>
    public sealed class NoteWrite : IDisposable
    {
        private readonly BlockingCollection<(Note Note, byte[] Outline, byte[] Body)> _queue = new();
        private readonly Task _writing;
        private IReadOnlyList<string>? _removed;

        internal NoteWrite(IndexStore store, IReadOnlyDictionary<string, Note> known)
        {
            _writing = Task.Factory.StartNew(() => store.Write(_queue.GetConsumingEnumerable(), known, () => Volatile.Read(ref _removed)),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>Queues a parsed note; called by the parsing threads, which also encode it, so only the writes are one at a time.</summary>
        public void Add(ParsedNote parsed) => _queue.Add((parsed.Note, StoredNote.WriteOutline(parsed.Note), StoredNote.WriteBody(parsed.Body)));

        /// <summary>Once every parsed note is added: drops the rows of removed notes and commits.</summary>
        public Task CompleteAsync(IReadOnlyList<string> removed)
        {
            Volatile.Write(ref _removed, removed);
            _queue.CompleteAdding();
            return _writing;
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            // Waits without throwing: a failed write has already been reported by CompleteAsync.
            Task.WaitAny(_writing);
            _queue.Dispose();
        }
    }

    /// <param name="removed">The notes to drop, or null when the build failed and nothing is to be committed.</param>
    private void Write(IEnumerable<(Note Note, byte[] Outline, byte[] Body)> parsed, IReadOnlyDictionary<string, Note> known, Func<IReadOnlyList<string>?> removed)
    {
        NoteRows? rows = null;
        try
        {
            foreach (var (note, outline, body) in parsed)
            {
                // Opened on the first note: a restart with nothing changed never touches the database.
                rows ??= new NoteRows(Open());
                rows.Write(note, outline, body, replacing: known.ContainsKey(note.Path));
            }

            if (removed() is not { } gone || (rows is null && gone.Count == 0))
            {
                return;
            }

            rows ??= new NoteRows(Open());
            rows.Delete(gone);
            rows.Commit();
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>One transaction's note and tag rows, through statements prepared once; disposed uncommitted, it is rolled back.</summary>
    private sealed class NoteRows : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly BulkStatement _insertNote;
        private readonly BulkStatement _insertTag;
        private readonly BulkStatement _deleteNote;
        private readonly BulkStatement _deleteTags;
        private readonly string _now = DateTimeOffset.UtcNow.ToString("O");

        /// <summary>Takes over the connection, closing it when disposed.</summary>
        public NoteRows(SqliteConnection connection)
        {
            _connection = connection;
            // Copying these rows from the write-ahead log into the database file (~20 MB on a first build) is
            // left to the next commit (the search index's, which follows on its own thread): the notes are
            // served sooner. Every open sets the interval back (SqliteTuning).
            Pragma(connection, "wal_autocheckpoint = 0");
            _transaction = connection.BeginTransaction();
            _insertNote = new BulkStatement(connection,
                "INSERT INTO Notes (Path, Title, Folder, Hash, Parsed, Body, IndexedAt) VALUES ($path, $title, $folder, $hash, $parsed, $body, $at)");
            _insertTag = new BulkStatement(connection,
                "INSERT INTO UnitTags (NotePath, Tag, Kind, Title, Anchor, Line) VALUES ($path, $tag, $kind, $title, $anchor, $line)");
            _deleteNote = new BulkStatement(connection, "DELETE FROM Notes WHERE Path = $path");
            _deleteTags = new BulkStatement(connection, "DELETE FROM UnitTags WHERE NotePath = $path");
        }

        /// <param name="replacing">Whether the last build stored this note (a note it did not have has no rows to delete).</param>
        public void Write(Note note, byte[] outline, byte[] body, bool replacing)
        {
            if (replacing)
            {
                Delete([note.Path]);
            }

            _insertNote.Run(note.Path, note.Title, note.Folder, note.Hash, outline, body, _now);
            foreach (var unit in note.Units)
            {
                var kind = unit.Kind.ToString().ToLowerInvariant();
                foreach (var tag in unit.Tags)
                {
                    _insertTag.Run(note.Path, tag, kind, unit.Title, unit.Anchor, unit.Line);
                }
            }
        }

        public void Delete(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                _deleteNote.Run(path);
                _deleteTags.Run(path);
            }
        }

        public void DeleteSearch(IEnumerable<string> paths) => DeleteSearchRows(_connection, paths);

        public void Commit() => _transaction.Commit();

        public void Dispose()
        {
            _insertNote.Dispose();
            _insertTag.Dispose();
            _deleteNote.Dispose();
            _deleteTags.Dispose();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }

    private const string UnsearchedNotes = "unsearched-notes";

    /// <summary>Notes stored without their search rows (their write failed): parsed again at the next build, even after a restart.</summary>
    public IReadOnlyList<string> Unsearched()
    {
        using var connection = Open();
        return ReadState(connection, UnsearchedNotes) is { } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];
    }

    /// <summary>Records the notes left without search rows, for <see cref="Unsearched"/>.</summary>
    public void RememberUnsearched(IEnumerable<string> paths)
    {
        using var connection = Open();
        using var remember = new BulkStatement(connection, UpsertState);
        remember.Run(UnsearchedNotes, JsonSerializer.Serialize(paths));
    }

    /// <summary>Replaces the search rows of the notes parsed in this build and drops those of removed notes; returns the rows written.</summary>
    public int SaveSearch(IReadOnlyList<NoteSearchText> changed, IReadOnlyList<string> removed)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return 0;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        DeleteSearchRows(connection, removed.Concat(changed.Select(p => p.Note.Path)));
        using var insert = new BulkStatement(connection,
            "INSERT INTO SearchIndex (title, note_title, body, note, anchor, folder, tags) VALUES ($title, $noteTitle, $body, $path, $anchor, $folder, $tags)");
        var rows = 0;
        foreach (var parsed in changed)
        {
            var note = parsed.Note;
            foreach (var section in SearchSections(parsed))
            {
                insert.Run(section.Title, note.Title, section.Text, note.Path, section.Anchor, note.Folder, section.Tags);
                rows++;
            }
        }

        // Every note once left without search rows was parsed again for this write.
        using var forget = new BulkStatement(connection, "DELETE FROM IndexState WHERE Name = $name");
        forget.Run(UnsearchedNotes);
        transaction.Commit();
        return rows;
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records every question's note, section and tags so progress can be grouped by topic,
    /// and marks questions that left the notes as retired rather than forgetting them.
    /// Compares against what the previous build recorded; at start-up a matching fingerprint
    /// of all records stands in for reading thousands of rows back.
    /// </summary>
    public void SaveQuestions(ContentSnapshot snapshot, QuestionBank bank)
    {
        var current = new Dictionary<string, RecordedQuestion>(bank.All.Count, StringComparer.Ordinal);
        foreach (var question in bank.All)
        {
            var note = snapshot.Find(question.Note);
            current[question.Id] = new RecordedQuestion(
                question.Note,
                question.Anchor,
                note?.Headings.FirstOrDefault(h => h.Anchor == question.Anchor)?.Title
                    ?? note?.Units.FirstOrDefault(u => u.Anchor == question.Anchor)?.Title
                    ?? question.Anchor,
                question.Prompt,
                string.Join(' ', question.Tags));
        }

        var digests = Digests(current);
        var fingerprint = Fingerprint(digests);
        using var connection = Open();
        if (_recorded is null && ReadState(connection, QuestionsFingerprint) == fingerprint)
        {
            _recorded = digests;
            return;
        }

        var stored = _recorded ?? Digests(ReadRecorded(connection));
        var changed = current.Where(q => !stored.TryGetValue(q.Key, out var old) || old != digests[q.Key]).ToList();
        var retired = stored.Keys.Where(id => !current.ContainsKey(id)).ToList();
        if (changed.Count == 0 && retired.Count == 0 && _recorded is not null)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var upsert = new BulkStatement(connection,
            """
            INSERT INTO Questions (Id, Note, Anchor, SectionTitle, Prompt, Source, Tags, Retired, UpdatedAt)
            VALUES ($id, $note, $anchor, $title, $prompt, $source, $tags, 0, $at)
            ON CONFLICT (Id) DO UPDATE SET Note = excluded.Note, Anchor = excluded.Anchor, SectionTitle = excluded.SectionTitle,
                Prompt = excluded.Prompt, Source = excluded.Source, Tags = excluded.Tags, Retired = 0, UpdatedAt = excluded.UpdatedAt
            """);
        var now = DateTime.UtcNow;
        foreach (var (id, record) in changed)
        {
            var source = bank.Find(id)!.Source.ToString().ToLowerInvariant();
            upsert.Run(id, record.Note, record.Anchor, record.SectionTitle, record.Prompt, source, record.Tags, now);
        }

        using var retire = new BulkStatement(connection, "UPDATE Questions SET Retired = 1, UpdatedAt = $at WHERE Id = $id");
        foreach (var id in retired)
        {
            retire.Run(now, id);
        }

        using var remember = new BulkStatement(connection, UpsertState);
        remember.Run(QuestionsFingerprint, fingerprint);
        transaction.Commit();
        _recorded = digests;
    }

    private const string QuestionsFingerprint = "questions-fingerprint";

    /// <summary>One hash over every question's id and digest: at start-up it stands for all the records.</summary>
    private static string Fingerprint(Dictionary<string, UInt128> digests)
    {
        var hash = new XxHash128();
        foreach (var (id, digest) in digests)
        {
            AppendField(hash, id);
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in digest)));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private const string UpsertState = "INSERT INTO IndexState (Name, Value) VALUES ($name, $value) ON CONFLICT (Name) DO UPDATE SET Value = excluded.Value";

    private static string? ReadState(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM IndexState WHERE Name = $name";
        command.AddParameter("$name", name);
        return command.ExecuteScalar() as string;
    }

    /// <summary>What a question's row says about where it lives; equal records need no write.</summary>
    private sealed record RecordedQuestion(string Note, string Anchor, string SectionTitle, string Prompt, string Tags);

    /// <summary>
    /// What the last build recorded, one 128-bit digest per question id: the records themselves, prompts
    /// composed for the purpose included, held ~3.5 MB for 17,000 questions between builds.
    /// </summary>
    private Dictionary<string, UInt128>? _recorded;

    private static Dictionary<string, UInt128> Digests(Dictionary<string, RecordedQuestion> records)
    {
        var hash = new XxHash128();
        var digests = new Dictionary<string, UInt128>(records.Count, StringComparer.Ordinal);
        foreach (var (id, record) in records)
        {
            foreach (var field in (ReadOnlySpan<string>)[record.Note, record.Anchor, record.SectionTitle, record.Prompt, record.Tags])
            {
                AppendField(hash, field);
            }

            digests[id] = hash.GetCurrentHashAsUInt128();
            hash.Reset();
        }

        return digests;
    }

    /// <summary>The field's length first, so that no two different sequences of fields run together into the same bytes.</summary>
    private static void AppendField(XxHash128 hash, string field)
    {
        var length = field.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(field.AsSpan()));
    }

    private static Dictionary<string, RecordedQuestion> ReadRecorded(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Note, Anchor, SectionTitle, Prompt, Tags FROM Questions WHERE Retired = 0";
        using var reader = command.ExecuteReader();
        var recorded = new Dictionary<string, RecordedQuestion>(StringComparer.Ordinal);
        while (reader.Read())
        {
            recorded[reader.GetString(0)] = new RecordedQuestion(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }

        return recorded;
    }

    private sealed record SearchSection(string Anchor, string Title, string Text, string Tags);

    /// <summary>
    /// A section's tags for search filters: its heading's, the note's, and those of the units inside it,
    /// so "spot" filtered by #exam-tip finds the tagged block under an untagged heading.
    /// </summary>
    private static IEnumerable<SearchSection> SearchSections(NoteSearchText parsed)
    {
        var note = parsed.Note;
        var headings = note.Headings;
        var headingIndex = new Dictionary<string, int>(headings.Count, StringComparer.Ordinal);
        for (var i = 0; i < headings.Count; i++)
        {
            headingIndex[headings[i].Anchor] = i;
        }

        foreach (var section in parsed.Sections)
        {
            var index = headingIndex.GetValueOrDefault(section.Anchor, -1);
            var first = index < 0 ? 1 : headings[index].Line;
            var last = index < 0 ? (headings.Count > 0 ? headings[0].Line - 1 : int.MaxValue)
                : index + 1 < headings.Count ? headings[index + 1].Line - 1 : int.MaxValue;
            var tags = note.Tags
                .Concat(index < 0 ? [] : headings[index].Tags)
                .Concat(note.Units.Where(u => u.Kind != UnitKind.Note && u.Line >= first && u.Line <= last).SelectMany(u => u.Tags))
                .Distinct();
            yield return new SearchSection(section.Anchor, section.Title, section.Text, " " + string.Join(' ', tags) + " ");
        }

        // Tagged blocks have anchors of their own: indexed by their title, a search lands right on them.
        foreach (var block in note.Blocks.Where(b => b.Tags.Count > 0 && !headingIndex.ContainsKey(b.Anchor)))
        {
            yield return new SearchSection(block.Anchor, block.Term, block.Description, " " + string.Join(' ', note.Tags.Concat(block.Tags).Distinct()) + " ");
        }
    }

    /// <summary>
    /// One statement for all the notes: FTS5 cannot index the note column, so each delete scans the whole
    /// search index (a pull that changed 1,000 notes spent 4.5 s deleting them one at a time).
    /// </summary>
    private static void DeleteSearchRows(SqliteConnection connection, IEnumerable<string> paths)
    {
        using var delete = new BulkStatement(connection, "DELETE FROM SearchIndex WHERE note IN (SELECT value FROM json_each($paths))");
        delete.Run(JsonSerializer.Serialize(paths));
    }
}
