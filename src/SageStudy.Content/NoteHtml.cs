using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SageStudy.Content;

/// <summary>Where rendered notes point their tag chips and note links.</summary>
public sealed record PortalUrls(string NotePrefix = "/notes/", string TagPrefix = "/tags/")
{
    public static readonly PortalUrls Default = new();
}

/// <summary>Renders parsed notes to HTML with tag chips, heading anchors, mermaid and safe links.</summary>
internal static class NoteHtml
{
    /// <summary>Data key marking a link whose URL must not be emitted (javascript: and friends).</summary>
    internal const string UnsafeLink = "sagestudy.unsafe";

    public static HtmlRenderer CreateRenderer(StringWriter writer, PortalUrls urls)
    {
        var renderer = new HtmlRenderer(writer);
        NotePipeline.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<CodeInlineRenderer>(new TagChipRenderer(urls));
        renderer.ObjectRenderers.Replace<HeadingRenderer>(new AnchoredHeadingRenderer());
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new DiagramAwareCodeBlockRenderer());
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        return renderer;
    }

    /// <summary>
    /// A renderer and its buffer, kept by the thread that parses notes and reused for each: setting up a
    /// renderer and growing a fresh buffer for every note and unit allocated more than Markdig's parse.
    /// </summary>
    internal sealed class Output
    {
        private const int MaxKeptChars = 256 * 1024;

        [ThreadStatic]
        private static Output? t_idle;

        private readonly StringBuilder _buffer = new(16 * 1024);

        private Output(PortalUrls urls)
        {
            Urls = urls;
            Renderer = CreateRenderer(new StringWriter(_buffer), urls);
        }

        public PortalUrls Urls { get; }

        public HtmlRenderer Renderer { get; }

        /// <summary>This thread's output, taken until <see cref="Return"/>: a parse that throws half-way never hands its state on.</summary>
        public static Output Rent(PortalUrls urls)
        {
            var output = t_idle is { } idle && idle.Urls == urls ? idle : new Output(urls);
            t_idle = null;
            output._buffer.Clear();
            return output;
        }

        /// <summary>What was rendered since the last call, as a string of its own.</summary>
        public string Take()
        {
            var html = _buffer.ToString();
            _buffer.Clear();
            return html;
        }

        public void Return()
        {
            // A huge note's buffer is not kept for the life of the thread.
            if (_buffer.Capacity <= MaxKeptChars)
            {
                t_idle = this;
            }
        }
    }

    private sealed class TagChipRenderer(PortalUrls urls) : CodeInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeInline code)
        {
            if (!TagSyntax.TryParse(code.Content, out var tag))
            {
                base.Write(renderer, code);
                return;
            }

            renderer.Write("<a class=\"tag-chip\" data-tag=\"").Write(tag)
                .Write("\" href=\"").WriteEscapeUrl(urls.TagPrefix + tag)
                .Write("\">#").Write(tag).Write("</a>");
        }
    }

    private sealed class AnchoredHeadingRenderer : HeadingRenderer
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var level = Math.Clamp(heading.Level, 1, 6);
            renderer.Write("<h").Write(level.ToString()).WriteAttributes(heading).Write('>');
            renderer.WriteLeafInline(heading);
            var id = heading.TryGetAttributes()?.Id;
            if (id is not null)
            {
                renderer.Write(" <a class=\"anchor\" href=\"#").WriteEscapeUrl(id)
                    .Write("\" aria-label=\"Link to this section\">#</a>");
            }

            renderer.Write("</h").Write(level.ToString()).WriteLine(">");
        }
    }

    private sealed class DiagramAwareCodeBlockRenderer : CodeBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            if (block is FencedCodeBlock { Info: var info } && string.Equals(info, "mermaid", StringComparison.OrdinalIgnoreCase))
            {
                // Drawn in the browser by the vendored mermaid script; escaped, so it is only ever text.
                renderer.EnsureLine();
                renderer.Write("<pre class=\"mermaid\">");
                renderer.WriteLeafRawLines(block, true, true);
                renderer.WriteLine("</pre>");
                return;
            }

            base.Write(renderer, block);
        }
    }

    private sealed class SafeLinkRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (link.GetData(UnsafeLink) is true)
            {
                renderer.WriteChildren(link);
                return;
            }

            base.Write(renderer, link);
        }
    }

    private sealed class SafeAutolinkRenderer : AutolinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (link.GetData(UnsafeLink) is true)
            {
                renderer.WriteEscape(link.Url);
                return;
            }

            base.Write(renderer, link);
        }
    }
}
