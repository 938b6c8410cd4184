using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SageStudy.Content.Questions;

/// <summary>Renders question text the way notes are rendered: raw HTML shown as text, unsafe links dropped.</summary>
internal static partial class SafeMarkdown
{
    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http:", "https:", "mailto:" };

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, NotePipeline.Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url ?? "")))
        {
            link.SetData(NoteHtml.UnsafeLink, true);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafeUrl(l.Url)))
        {
            autolink.SetData(NoteHtml.UnsafeLink, true);
        }

        using var writer = new StringWriter();
        var renderer = NoteHtml.CreateRenderer(writer, PortalUrls.Default);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Backslash-escapes ASCII punctuation so text read off a note renders literally inside Markdown.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static bool IsSafeUrl(string url)
    {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so must we.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = SchemePattern().Match(compact);
        return !scheme.Success || SafeSchemes.Contains(scheme.Value);
    }
}
