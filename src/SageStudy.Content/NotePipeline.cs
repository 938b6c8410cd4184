using Markdig;

namespace SageStudy.Content;

/// <summary>The one Markdig pipeline: built once, shared by every parse and render (it is thread-safe).</summary>
public static class NotePipeline
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseFootnotes()
        // Raw HTML in a note is shown as text: a note must never run script in the reader's browser.
        .DisableHtml()
        .Build();
}
