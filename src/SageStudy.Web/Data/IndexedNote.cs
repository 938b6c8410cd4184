namespace SageStudy.Web.Data;

/// <summary>A note as last indexed: the parsed result is kept so an unchanged file is not parsed again.</summary>
public sealed class IndexedNote
{
    public required string Path { get; set; }
    public required string Title { get; set; }
    public required string Folder { get; set; }
    public required string Hash { get; set; }
    /// <summary>The parsed <see cref="SageStudy.Content.Note"/> (its outline) in the binary form of <c>StoredNote</c>, read at every start.</summary>
    public required byte[] Parsed { get; set; }
    /// <summary>The note's <see cref="SageStudy.Content.NoteBody"/> in the binary form of <c>StoredNote</c>, read when a page shows it.</summary>
    public required byte[] Body { get; set; }
    public DateTimeOffset IndexedAt { get; set; }
}

/// <summary>One row per tag per unit: the SQLite tag index that quizzes and progress join against.</summary>
public sealed class IndexedUnitTag
{
    public long Id { get; set; }
    public required string NotePath { get; set; }
    public required string Tag { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Anchor { get; set; }
    public int Line { get; set; }
}

/// <summary>A named fact about the last build, such as the question records' fingerprint.</summary>
public sealed class IndexState
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
