using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SageStudy.Content;
using SageStudy.Content.Questions;
using SageStudy.Web.Data;

namespace SageStudy.Web.Indexing;

/// <summary>
/// Keeps the index in SQLite: each note's parsed form (so an unchanged file is not parsed again
/// after a restart) and one row per tagged unit and tag.
/// </summary>
public sealed class IndexStore(IServiceScopeFactory scopes, ILogger<IndexStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task<IReadOnlyDictionary<string, Note>> LoadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var notes = new Dictionary<string, Note>(StringComparer.Ordinal);
        await foreach (var row in db.Notes.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            try
            {
                if (JsonSerializer.Deserialize<Note>(row.Parsed, Json) is { } note)
                {
                    notes[row.Path] = note;
                }
            }
            catch (JsonException e)
            {
                // A stale or damaged cache entry only costs a re-parse.
                logger.LogInformation("Re-parsing {Path}: its stored index entry is unreadable ({Message})", row.Path, e.Message);
            }
        }

        return notes;
    }

    /// <summary>Writes the notes that are not the very objects it was given as known, and drops removed ones.</summary>
    public async Task SaveAsync(ContentSnapshot snapshot, IReadOnlyDictionary<string, Note> known, CancellationToken cancellationToken)
    {
        var changed = snapshot.Notes.Where(n => !known.TryGetValue(n.Path, out var k) || !ReferenceEquals(k, n)).ToList();
        var removed = known.Keys.Where(p => snapshot.Find(p) is null).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Plain prepared statements: thousands of rows per build, where change tracking would only cost time.
        var deleteNote = Command(connection, transaction, "DELETE FROM Notes WHERE Path = $path", "$path");
        var deleteTags = Command(connection, transaction, "DELETE FROM UnitTags WHERE NotePath = $path", "$path");
        var insertNote = Command(connection, transaction,
            "INSERT INTO Notes (Path, Title, Folder, Hash, Parsed, IndexedAt) VALUES ($path, $title, $folder, $hash, $parsed, $at)",
            "$path", "$title", "$folder", "$hash", "$parsed", "$at");
        var deleteSearch = Command(connection, transaction, "DELETE FROM SearchIndex WHERE note = $path", "$path");
        var insertSearch = Command(connection, transaction,
            "INSERT INTO SearchIndex (title, note_title, body, note, anchor, folder, tags) VALUES ($title, $noteTitle, $body, $path, $anchor, $folder, $tags)",
            "$title", "$noteTitle", "$body", "$path", "$anchor", "$folder", "$tags");
        var insertTag = Command(connection, transaction,
            "INSERT INTO UnitTags (NotePath, Tag, Kind, Title, Anchor, Line) VALUES ($path, $tag, $kind, $title, $anchor, $line)",
            "$path", "$tag", "$kind", "$title", "$anchor", "$line");

        var now = DateTimeOffset.UtcNow.ToString("O");
        foreach (var path in removed.Concat(changed.Select(n => n.Path)))
        {
            await Run(deleteNote, cancellationToken, path);
            await Run(deleteTags, cancellationToken, path);
            await Run(deleteSearch, cancellationToken, path);
        }

        foreach (var note in changed)
        {
            await Run(insertNote, cancellationToken, note.Path, note.Title, note.Folder, note.Hash, JsonSerializer.Serialize(note, Json), now);
            foreach (var unit in note.Units)
            {
                foreach (var tag in unit.Tags)
                {
                    await Run(insertTag, cancellationToken, note.Path, tag, unit.Kind.ToString().ToLowerInvariant(), unit.Title, unit.Anchor, unit.Line);
                }
            }

            foreach (var section in SearchSections(note))
            {
                await Run(insertSearch, cancellationToken, section.Title, note.Title, section.Text, note.Path, section.Anchor, note.Folder, section.Tags);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records every question's note, section and tags so progress can be grouped by topic,
    /// and marks questions that left the notes as retired rather than forgetting them.
    /// </summary>
    public async Task SaveQuestionsAsync(ContentSnapshot snapshot, QuestionBank bank, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var stored = await db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id, cancellationToken);
        var now = DateTime.UtcNow;
        var current = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<QuestionRecord>();

        foreach (var question in bank.All)
        {
            current.Add(question.Id);
            var note = snapshot.Find(question.Note);
            var record = new QuestionRecord
            {
                Id = question.Id,
                Note = question.Note,
                Anchor = question.Anchor,
                SectionTitle = note?.Headings.FirstOrDefault(h => h.Anchor == question.Anchor)?.Title
                    ?? note?.Units.FirstOrDefault(u => u.Anchor == question.Anchor)?.Title
                    ?? question.Anchor,
                Prompt = question.Prompt,
                Source = question.Source.ToString().ToLowerInvariant(),
                Tags = string.Join(' ', question.Tags),
                UpdatedAt = now,
            };

            if (!stored.TryGetValue(question.Id, out var old) || old.Retired || old.Note != record.Note || old.Anchor != record.Anchor
                || old.SectionTitle != record.SectionTitle || old.Prompt != record.Prompt || old.Tags != record.Tags)
            {
                changed.Add(record);
            }
        }

        var retired = stored.Values.Where(q => !q.Retired && !current.Contains(q.Id)).Select(q => q.Id).ToList();
        if (changed.Count == 0 && retired.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var upsert = Command(connection, transaction,
            """
            INSERT INTO Questions (Id, Note, Anchor, SectionTitle, Prompt, Source, Tags, Retired, UpdatedAt)
            VALUES ($id, $note, $anchor, $title, $prompt, $source, $tags, 0, $at)
            ON CONFLICT (Id) DO UPDATE SET Note = excluded.Note, Anchor = excluded.Anchor, SectionTitle = excluded.SectionTitle,
                Prompt = excluded.Prompt, Source = excluded.Source, Tags = excluded.Tags, Retired = 0, UpdatedAt = excluded.UpdatedAt
            """,
            "$id", "$note", "$anchor", "$title", "$prompt", "$source", "$tags", "$at");
        foreach (var q in changed)
        {
            await Run(upsert, cancellationToken, q.Id, q.Note, q.Anchor, q.SectionTitle, q.Prompt, q.Source, q.Tags, q.UpdatedAt);
        }

        var retire = Command(connection, transaction, "UPDATE Questions SET Retired = 1, UpdatedAt = $at WHERE Id = $id", "$at", "$id");
        foreach (var id in retired)
        {
            await Run(retire, cancellationToken, now, id);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record SearchSection(string Anchor, string Title, string Text, string Tags);

    /// <summary>
    /// A section's tags for search filters: its heading's, the note's, and those of the units inside it,
    /// so "spot" filtered by #exam-tip finds the tagged block under an untagged heading.
    /// </summary>
    private static IEnumerable<SearchSection> SearchSections(Note note)
    {
        var headings = note.Headings;
        foreach (var section in note.Sections)
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

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static Task<int> Run(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
