using SageStudy.Content;

namespace SageStudy.Web.Indexing;

/// <summary>The "Content" configuration section.</summary>
public sealed class ContentSettings
{
    /// <summary>The notes folder; when unset, see <see cref="ContentLocations"/>.</summary>
    public string? Root { get; set; }

    /// <summary>Larger files are listed as problems instead of being parsed.</summary>
    public long MaxNoteBytes { get; set; } = ContentScanner.DefaultMaxNoteBytes;

    /// <summary>The folder under the root that holds authored questions rather than notes.</summary>
    public string QuestionFolder { get; set; } = "quiz";

    /// <summary>The JSON file under the root that maps notes to the exam's domains.</summary>
    public string ExamDomainsFile { get; set; } = "exam-domains.json";

    /// <summary>Re-index when files under the root change (live reload).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Heading titles that carry a tag without writing it, e.g. "Exam Tips" → exam-tip.</summary>
    public Dictionary<string, string> SectionAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
