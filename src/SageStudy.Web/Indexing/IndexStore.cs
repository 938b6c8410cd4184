using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
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
        using var connection = Open();
        var rows = new List<(string Path, byte[] Outline)>();
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
            using var transaction = connection.BeginTransaction();
            DeleteRows(connection, transaction, unreadable);
            transaction.Commit();
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

    /// <summary>Writes the notes parsed in this build with their HTML and search text, and drops removed ones.</summary>
    public void Save(ContentSnapshot snapshot, IReadOnlyDictionary<string, Note> known, IReadOnlyList<ParsedNote> changed)
    {
        var removed = known.Keys.Where(p => snapshot.Find(p) is null).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();

        // Plain prepared statements: thousands of rows per build, where change tracking would only cost time.
        var insertNote = Command(connection, transaction,
            "INSERT INTO Notes (Path, Title, Folder, Hash, Parsed, Body, IndexedAt) VALUES ($path, $title, $folder, $hash, $parsed, $body, $at)",
            "$path", "$title", "$folder", "$hash", "$parsed", "$body", "$at");
        var insertSearch = Command(connection, transaction,
            "INSERT INTO SearchIndex (title, note_title, body, note, anchor, folder, tags) VALUES ($title, $noteTitle, $body, $path, $anchor, $folder, $tags)",
            "$title", "$noteTitle", "$body", "$path", "$anchor", "$folder", "$tags");
        var insertTag = Command(connection, transaction,
            "INSERT INTO UnitTags (NotePath, Tag, Kind, Title, Anchor, Line) VALUES ($path, $tag, $kind, $title, $anchor, $line)",
            "$path", "$tag", "$kind", "$title", "$anchor", "$line");

        var now = DateTimeOffset.UtcNow.ToString("O");
        // A note the last build did not have has no rows to delete (on a first build, none has).
        DeleteRows(connection, transaction, removed.Concat(changed.Select(p => p.Note.Path).Where(known.ContainsKey)));

        foreach (var parsed in changed)
        {
            var note = parsed.Note;
            Run(insertNote, note.Path, note.Title, note.Folder, note.Hash,
                StoredNote.WriteOutline(note), StoredNote.WriteBody(parsed.Body), now);
            foreach (var unit in note.Units)
            {
                foreach (var tag in unit.Tags)
                {
                    Run(insertTag, note.Path, tag, unit.Kind.ToString().ToLowerInvariant(), unit.Title, unit.Anchor, unit.Line);
                }
            }

            foreach (var section in SearchSections(parsed))
            {
                Run(insertSearch, section.Title, note.Title, section.Text, note.Path, section.Anchor, note.Folder, section.Tags);
            }
        }

        transaction.Commit();
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

        var fingerprint = Fingerprint(current);
        using var connection = Open();
        if (_recorded is null && StoredFingerprint(connection) == fingerprint)
        {
            _recorded = current;
            return;
        }

        var stored = _recorded ?? ReadRecorded(connection);
        var changed = current.Where(q => !stored.TryGetValue(q.Key, out var old) || old != q.Value).ToList();
        var retired = stored.Keys.Where(id => !current.ContainsKey(id)).ToList();
        if (changed.Count == 0 && retired.Count == 0 && _recorded is not null)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        var upsert = Command(connection, transaction,
            """
            INSERT INTO Questions (Id, Note, Anchor, SectionTitle, Prompt, Source, Tags, Retired, UpdatedAt)
            VALUES ($id, $note, $anchor, $title, $prompt, $source, $tags, 0, $at)
            ON CONFLICT (Id) DO UPDATE SET Note = excluded.Note, Anchor = excluded.Anchor, SectionTitle = excluded.SectionTitle,
                Prompt = excluded.Prompt, Source = excluded.Source, Tags = excluded.Tags, Retired = 0, UpdatedAt = excluded.UpdatedAt
            """,
            "$id", "$note", "$anchor", "$title", "$prompt", "$source", "$tags", "$at");
        var now = DateTime.UtcNow;
        foreach (var (id, record) in changed)
        {
            var source = bank.Find(id)!.Source.ToString().ToLowerInvariant();
            Run(upsert, id, record.Note, record.Anchor, record.SectionTitle, record.Prompt, source, record.Tags, now);
        }

        var retire = Command(connection, transaction, "UPDATE Questions SET Retired = 1, UpdatedAt = $at WHERE Id = $id", "$at", "$id");
        foreach (var id in retired)
        {
            Run(retire, now, id);
        }

        var remember = Command(connection, transaction,
            "INSERT INTO IndexState (Name, Value) VALUES ($name, $value) ON CONFLICT (Name) DO UPDATE SET Value = excluded.Value",
            "$name", "$value");
        Run(remember, QuestionsFingerprint, fingerprint);
        transaction.Commit();
        _recorded = current;
    }

    private const string QuestionsFingerprint = "questions-fingerprint";

    /// <summary>
    /// One hash over all records, fed in 64 KB batches: a hash per record costs a call into the crypto
    /// library per question, and hashing one string of all records held ~12 MB at once for 17,000 questions.
    /// </summary>
    private static string Fingerprint(Dictionary<string, RecordedQuestion> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var batch = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (var (id, record) in records)
        {
            foreach (var field in (ReadOnlySpan<string>)[id, record.Note, record.Anchor, record.SectionTitle, record.Prompt, record.Tags])
            {
                var bytes = batch.GetSpan(Encoding.UTF8.GetMaxByteCount(field.Length) + 1);
                var written = Encoding.UTF8.GetBytes(field, bytes);
                bytes[written] = (byte)'\n';
                batch.Advance(written + 1);
            }

            if (batch.WrittenCount > 60 * 1024)
            {
                hash.AppendData(batch.WrittenSpan);
                batch.ResetWrittenCount();
            }
        }

        hash.AppendData(batch.WrittenSpan);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? StoredFingerprint(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM IndexState WHERE Name = $name";
        command.AddParameter("$name", QuestionsFingerprint);
        return command.ExecuteScalar() as string;
    }

    /// <summary>What a question's row says about where it lives; equal records need no write.</summary>
    private sealed record RecordedQuestion(string Note, string Anchor, string SectionTitle, string Prompt, string Tags);

    private Dictionary<string, RecordedQuestion>? _recorded;

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
    private static IEnumerable<SearchSection> SearchSections(ParsedNote parsed)
    {
        var note = parsed.Note;
        var headings = note.Headings;
        foreach (var section in parsed.Sections)
        {
            var index = headings.ToList().FindIndex(h => h.Anchor == section.Anchor);
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
        var sectionAnchors = note.Headings.Select(h => h.Anchor).ToHashSet();
        foreach (var block in note.Blocks.Where(b => b.Tags.Count > 0 && !sectionAnchors.Contains(b.Anchor)))
        {
            yield return new SearchSection(block.Anchor, block.Term, block.Description, " " + string.Join(' ', note.Tags.Concat(block.Tags).Distinct()) + " ");
        }
    }

    private static void DeleteRows(DbConnection connection, DbTransaction transaction, IEnumerable<string> paths)
    {
        var deleteNote = Command(connection, transaction, "DELETE FROM Notes WHERE Path = $path", "$path");
        var deleteTags = Command(connection, transaction, "DELETE FROM UnitTags WHERE NotePath = $path", "$path");
        var deleteSearch = Command(connection, transaction, "DELETE FROM SearchIndex WHERE note = $path", "$path");
        foreach (var path in paths)
        {
            Run(deleteNote, path);
            Run(deleteTags, path);
            Run(deleteSearch, path);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.AddParameter(name, null);
        }

        return command;
    }


    private static void Run(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
