using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SageStudy.Content;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Pages.Quiz;

/// <summary>
/// The tag, note and section choices of the quiz form, written once per content change: with 1,000
/// notes they are ~120 KB of options, and writing them on every request made /quiz the slowest page.
/// </summary>
public sealed class QuizSourceOptions(IContentIndex index)
{
    /// <summary>With more notes than this the list offers whole notes only, so it stays usable; weak sections are still one click away on /progress.</summary>
    public const int ListSectionsUpTo = 60;

    private sealed record Written(ContentSnapshot Snapshot, string Html);

    private Written? _written;

    /// <summary>The options, with <paramref name="selected"/> marked when it is one of them.</summary>
    public IHtmlContent For(string selected)
    {
        var snapshot = index.Current;
        var written = Volatile.Read(ref _written);
        if (written is null || !ReferenceEquals(written.Snapshot, snapshot))
        {
            written = new Written(snapshot, Write(snapshot));
            Volatile.Write(ref _written, written);
        }

        var value = $"value=\"{HtmlEncoder.Default.Encode(selected)}\"";
        var at = written.Html.IndexOf(value + ">", StringComparison.Ordinal);
        return new HtmlString(at < 0 ? written.Html : written.Html.Insert(at + value.Length, " selected=\"selected\""));
    }

    private static string Write(ContentSnapshot snapshot)
    {
        var html = new StringBuilder();
        Group(html, "Tags");
        foreach (var tag in snapshot.Tags)
        {
            Option(html, "tag:" + tag.Tag, "#" + tag.Tag);
        }

        html.Append("</optgroup>");
        if (snapshot.Notes.Count <= ListSectionsUpTo)
        {
            foreach (var note in snapshot.Notes)
            {
                Group(html, note.Title);
                Option(html, "note:" + note.Path, note.Title + " (whole note)");
                foreach (var heading in note.Headings.Where(h => h.Level is 2 or 3))
                {
                    Option(html, $"section:{note.Path}#{heading.Anchor}", (heading.Level == 3 ? "\u00a0\u00a0" : "") + heading.Title);
                }

                html.Append("</optgroup>");
            }
        }
        else
        {
            Group(html, "Notes");
            foreach (var note in snapshot.Notes)
            {
                Option(html, "note:" + note.Path, note.Title);
            }

            html.Append("</optgroup>");
        }

        return html.ToString();
    }

    private static void Group(StringBuilder html, string label) =>
        html.Append("<optgroup label=\"").Append(HtmlEncoder.Default.Encode(label)).Append("\">");

    private static void Option(StringBuilder html, string value, string text) =>
        html.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">")
            .Append(HtmlEncoder.Default.Encode(text)).Append("</option>");
}
