using SageStudy.Content;
using SageStudy.Content.Questions;

namespace SageStudy.Web.Quizzes;

/// <summary>Which questions test a note, a section (with its sub-sections) or a tag's material.</summary>
public static class QuestionPool
{
    public static IReadOnlyList<Question> For(QuizSource source, ContentSnapshot snapshot, QuestionBank bank) => source.Kind switch
    {
        QuizSourceKind.Note => bank.All.Where(q => q.Note == source.Value).ToList(),
        QuizSourceKind.Section => InSection(source.NotePath, source.Anchor, snapshot, bank),
        QuizSourceKind.Tag => Tagged(source.Value, snapshot, bank),
        _ => bank.All,
    };

    private static List<Question> InSection(string notePath, string anchor, ContentSnapshot snapshot, QuestionBank bank)
    {
        if (snapshot.Find(notePath) is not { } note || SectionRange(note, anchor) is not { } range)
        {
            return [];
        }

        return bank.All.Where(q => q.Note == notePath && LineOf(note, q.Anchor) is { } line && range.Contains(line)).ToList();
    }

    /// <summary>A question is #tag material when it carries the tag or tests a part of a note that does.</summary>
    private static List<Question> Tagged(string tag, ContentSnapshot snapshot, QuestionBank bank)
    {
        var ranges = new Dictionary<string, List<LineRange>>(StringComparer.Ordinal);
        foreach (var (note, unit) in snapshot.UnitsTagged(tag))
        {
            var range = unit.Kind switch
            {
                UnitKind.Note => new LineRange(1, int.MaxValue),
                UnitKind.Section => SectionRange(note, unit.Anchor),
                _ => new LineRange(unit.Line, unit.Line),
            };
            if (range is not null)
            {
                if (!ranges.TryGetValue(note.Path, out var list))
                {
                    ranges[note.Path] = list = [];
                }

                list.Add(range);
            }
        }

        return bank.All.Where(q => q.Tags.Contains(tag)
            || (ranges.TryGetValue(q.Note, out var list) && snapshot.Find(q.Note) is { } note
                && LineOf(note, q.Anchor) is { } line && list.Any(r => r.Contains(line))))
            .ToList();
    }

    private sealed record LineRange(int First, int Last)
    {
        public bool Contains(int line) => line >= First && line <= Last;
    }

    private static LineRange? SectionRange(Note note, string anchor)
    {
        var index = note.Headings.ToList().FindIndex(h => h.Anchor == anchor);
        if (index < 0)
        {
            return null;
        }

        var heading = note.Headings[index];
        var next = note.Headings.Skip(index + 1).FirstOrDefault(h => h.Level <= heading.Level);
        return new LineRange(heading.Line, next is null ? int.MaxValue : next.Line - 1);
    }

    private static int? LineOf(Note note, string anchor) =>
        note.Headings.FirstOrDefault(h => h.Anchor == anchor)?.Line
        ?? note.Units.FirstOrDefault(u => u.Anchor == anchor && u.Kind != UnitKind.Note)?.Line;
}
