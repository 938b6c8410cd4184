using System.Collections;
using System.Text;
using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>
/// A note's outline and HTML in the compact binary form the database keeps. Every start reads all
/// outlines, so the reader is plain code compiled ahead of time: JSON spent most of a restart in its warm-up.
/// </summary>
internal static class StoredNote
{
    /// <summary>Bumped whenever the layout changes; an outline of another version is parsed again from its file.</summary>
    private const byte Version = 1;

    public static byte[] WriteOutline(Note note) => Encode(writer =>
    {
        writer.Write(note.Path);
        writer.Write(note.Title);
        writer.Write(note.Hash);
        WriteTags(writer, note.Tags);
        WriteList(writer, note.Headings, (w, h) =>
        {
            w.Write(h.Anchor);
            w.Write(h.Title);
            w.Write(h.Level);
            WriteTags(w, h.Tags);
            w.Write(h.Line);
        });
        WriteList(writer, note.Units, (w, u) =>
        {
            w.Write((byte)u.Kind);
            w.Write(u.Title);
            w.Write(u.Anchor);
            WriteTags(w, u.Tags);
            w.Write(u.Line);
        });
        WriteList(writer, note.Links, (w, l) =>
        {
            w.Write(l.Href);
            w.Write(l.Target);
            w.Write(l.Anchor is not null);
            if (l.Anchor is not null)
            {
                w.Write(l.Anchor);
            }

            w.Write(l.Resolved);
            w.Write(l.Line);
        });
        WriteList(writer, note.Warnings, (w, warning) =>
        {
            w.Write(warning.Line);
            w.Write(warning.Message);
        });
        var terms = Encode(w =>
        {
            WriteList(w, note.TermLists, (lw, list) =>
            {
                lw.Write(list.Anchor);
                lw.Write(list.SectionTitle);
                WriteList(lw, list.Pairs, WritePair);
            });
            WriteList(w, note.Blocks, WritePair);
        });
        writer.Write7BitEncodedInt(terms.Length);
        writer.Write(terms);
    });

    /// <summary>The stored outline, or null when it was written by another version of this layout.</summary>
    public static Note? ReadOutline(byte[] bytes) => Decode(bytes, reader =>
    {
        var path = reader.ReadString();
        var title = reader.ReadString();
        var hash = reader.ReadString();
        var tags = ReadTags(reader);
        var headings = ReadList(reader, r => new Heading(r.ReadString(), r.ReadString(), r.ReadInt32(), ReadTags(r), r.ReadInt32()));
        var units = ReadList(reader, r => new Unit((UnitKind)r.ReadByte(), r.ReadString(), r.ReadString(), ReadTags(r), r.ReadInt32()));
        var links = ReadList(reader, r => new NoteLink(r.ReadString(), r.ReadString(), r.ReadBoolean() ? r.ReadString() : null, r.ReadBoolean(), r.ReadInt32()));
        var warnings = ReadList(reader, r => new NoteWarning(r.ReadInt32(), r.ReadString()));
        // Only generated questions read a note's terms, and they are built after the notes are served.
        var stored = reader.ReadBytes(reader.Read7BitEncodedInt());
        var terms = new Lazy<Terms>(() => Decode(stored, r =>
            new Terms(ReadList(r, lr => new TermList(lr.ReadString(), lr.ReadString(), ReadList(lr, ReadPair))), ReadList(r, ReadPair)))!);
        return new Note
        {
            Path = path,
            Title = title,
            Hash = hash,
            Tags = tags,
            Headings = headings,
            Units = units,
            Links = links,
            Warnings = warnings,
            TermLists = new ReadWhenUsed<TermList>(() => terms.Value.Lists),
            Blocks = new ReadWhenUsed<TermPair>(() => terms.Value.Blocks),
        };
    });

    public static byte[] WriteBody(NoteBody body) => Encode(writer =>
    {
        writer.Write(body.Html);
        WriteList(writer, body.UnitHtml.ToList(), (w, unit) =>
        {
            w.Write(unit.Key);
            w.Write(unit.Value);
        });
    });

    /// <summary>The stored HTML, or null when it was written by another version of this layout.</summary>
    public static NoteBody? ReadBody(byte[] bytes) => Decode(bytes, reader =>
    {
        var html = reader.ReadString();
        var units = ReadList(reader, r => KeyValuePair.Create(r.ReadString(), r.ReadString()));
        return new NoteBody(html, new Dictionary<string, string>(units, StringComparer.Ordinal));
    });

    // Notes are encoded on the threads that parse them: one buffer per thread, reused, instead of a new
    // stream and its doublings per note (~25 MB less garbage in a first build of 1,000 notes).
    [ThreadStatic]
    private static MemoryStream? t_buffer;

    private const int KeptBufferBytes = 1024 * 1024;

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        // Taken while in use: an outline encodes its terms with a nested call, which gets a buffer of its own.
        var stream = t_buffer ?? new MemoryStream();
        t_buffer = null;
        stream.SetLength(0);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            write(writer);
        }

        var bytes = stream.ToArray();
        if (stream.Capacity <= KeptBufferBytes)
        {
            t_buffer = stream;
        }

        return bytes;
    }

    private static T? Decode<T>(byte[] bytes, Func<BinaryReader, T> read) where T : class
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        return reader.ReadByte() == Version ? read(reader) : null;
    }

    private sealed record Terms(TermList[] Lists, TermPair[] Blocks);

    /// <summary>A stored list decoded the first time it is read (thread-safe; decoded once).</summary>
    private sealed class ReadWhenUsed<T>(Func<T[]> read) : IReadOnlyList<T>
    {
        private readonly Lazy<T[]> _items = new(read);

        public int Count => _items.Value.Length;

        public T this[int index] => _items.Value[index];

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items.Value).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static void WritePair(BinaryWriter writer, TermPair pair)
    {
        writer.Write(pair.Term);
        writer.Write(pair.Description);
        WriteTags(writer, pair.Tags);
        writer.Write(pair.Anchor);
    }

    private static TermPair ReadPair(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), ReadTags(reader), reader.ReadString());

    private static void WriteTags(BinaryWriter writer, IReadOnlyList<string> tags) =>
        WriteList(writer, tags, (w, tag) => w.Write(tag));

    private static string[] ReadTags(BinaryReader reader) => ReadList(reader, r => TagSyntax.Shared(r.ReadString()));

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    private static T[] ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        // Most headings and term pairs have no tags: one shared empty array instead of thousands kept.
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(reader);
        }

        return items;
    }
}
