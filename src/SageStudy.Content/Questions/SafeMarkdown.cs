using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SageStudy.Content.Questions;

/// <summary>Renders question text the way notes are rendered: raw HTML shown as text, unsafe links dropped.</summary>
internal static class SafeMarkdown
{
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, NotePipeline.Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !SafeUrls.IsSafe(l.Url ?? "")))
        {
            link.SetData(NoteHtml.UnsafeLink, true);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !SafeUrls.IsSafe(l.Url)))
        {
            autolink.SetData(NoteHtml.UnsafeLink, true);
        }

        using var writer = new StringWriter();
        var renderer = NoteHtml.CreateRenderer(writer, PortalUrls.Default);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
