using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SageStudy.Content;

/// <summary>
/// Turns one note's Markdown into a <see cref="Note"/>: title, tags, headings, tagged units,
/// links and HTML, following the tag rules in the README exactly.
/// </summary>
public sealed partial class NoteParser(TagRules rules, PortalUrls urls)
{
    private const int TitleLength = 100;

    public NoteParser() : this(TagRules.Default, PortalUrls.Default)
    {
    }

    /// <param name="path">The note's path (content-relative, no ".md").</param>
    /// <param name="noteExists">Whether a note path exists, to tell resolved links from broken ones.</param>
    public ParsedNote Parse(string path, string markdown, string hash, Func<string, bool> noteExists)
    {
        var document = Markdown.Parse(markdown, NotePipeline.Pipeline);
        var tree = NoteTree.Of(document);
        var slugger = new Slugger();

        var headings = ReadHeadings(tree, slugger);
        var noteTags = ReadNoteTags(document, out var tagsParagraph);
        var links = RewriteLinks(tree, path, noteExists);
        var units = new List<PendingUnit>();
        units.AddRange(SectionUnits(document, headings));
        units.AddRange(TaggedLeafUnits(tree, tagsParagraph, slugger));
        units.Sort((a, b) => a.Line.CompareTo(b.Line));

        var termLists = ReadTermLists(tree, new SectionCursor(document, headings));
        var blocks = ReadBlocks(tree, units, new SectionCursor(document, headings));

        var output = NoteHtml.Output.Rent(urls);
        output.Renderer.Render(document);
        var html = output.Take();
        StripIds(tree);

        var title = headings.FirstOrDefault(h => h.Level == 1)?.Title
            ?? FrontMatterTitle(document, markdown)
            ?? path[(path.LastIndexOf('/') + 1)..];

        var allUnits = new List<Unit>();
        if (noteTags.Count > 0)
        {
            allUnits.Add(new Unit(UnitKind.Note, title, "", noteTags, 1));
        }

        allUnits.AddRange(units.Select(u => new Unit(u.Kind, u.Title, u.Anchor, u.Tags, u.Line + 1)));
        var unitHtml = new Dictionary<string, string>(units.Count, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            RenderUnit(output.Renderer, unit);
            unitHtml[unit.Anchor] = output.Take();
        }

        output.Return();

        var note = new Note
        {
            Path = path,
            Title = title,
            Tags = noteTags,
            Headings = headings.Select(h => new Heading(h.Anchor, h.Title, h.Level, h.Tags, h.Block.Line + 1)).ToList(),
            Units = allUnits,
            Links = links,
            Warnings = FindWarnings(tree, markdown),
            TermLists = termLists,
            Blocks = blocks,
            Hash = hash,
        };
        return new ParsedNote(note, new NoteBody(html, unitHtml), SectionTexts(tree, headings));
    }

    private sealed record PendingHeading(HeadingBlock Block, string Anchor, string Title, int Level, IReadOnlyList<string> Tags);

    private sealed record PendingUnit(UnitKind Kind, string Title, string Anchor, IReadOnlyList<string> Tags, int Line, IReadOnlyList<Block> Content, TableRow? Row);

    private List<PendingHeading> ReadHeadings(NoteTree tree, Slugger slugger)
    {
        var headings = new List<PendingHeading>();
        foreach (var block in tree.Headings)
        {
            var tags = TagsIn(block.Inline);
            var title = TextOf(block.Inline);
            if (title.Length == 0)
            {
                // A heading that is only a tag is titled by the tag, as GitHub would slug it.
                title = string.Join(' ', tags.Select(t => "#" + t));
            }

            if (rules.AliasFor(title) is { } alias && !tags.Contains(alias))
            {
                tags = [.. tags, alias];
            }

            var anchor = slugger.Unique(title);
            block.GetAttributes().Id = anchor;
            headings.Add(new PendingHeading(block, anchor, title, block.Level, tags));
        }

        return headings;
    }

    /// <summary>Rule 2: tags of a paragraph led by bold "Tags:" before the first level-2 heading.</summary>
    private static IReadOnlyList<string> ReadNoteTags(MarkdownDocument document, out ParagraphBlock? tagsParagraph)
    {
        tagsParagraph = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 and not 1 })
            {
                break;
            }

            if (block is ParagraphBlock paragraph && StartsWithTagsLabel(paragraph))
            {
                tagsParagraph = paragraph;
                return TagsIn(paragraph.Inline);
            }
        }

        return [];
    }

    private static bool StartsWithTagsLabel(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 2 } bold)
        {
            return false;
        }

        var label = TextOf(bold).Trim();
        var after = bold.NextSibling is LiteralInline literal ? literal.Content.ToString() : "";
        return label.Equals("Tags:", StringComparison.OrdinalIgnoreCase)
            || (label.Equals("Tags", StringComparison.OrdinalIgnoreCase) && after.TrimStart().StartsWith(':'));
    }

    /// <summary>Points note links at portal pages, marks missing notes as broken and drops unsafe URLs.</summary>
    private List<NoteLink> RewriteLinks(NoteTree tree, string path, Func<string, bool> noteExists)
    {
        var links = new List<NoteLink>();
        foreach (var autolink in tree.Autolinks)
        {
            if (!autolink.IsEmail && !SafeUrls.IsSafe(autolink.Url))
            {
                autolink.SetData(NoteHtml.UnsafeLink, true);
            }
        }

        foreach (var link in tree.Links)
        {
            var url = link.Url ?? "";
            if (!SafeUrls.IsSafe(url))
            {
                link.SetData(NoteHtml.UnsafeLink, true);
                continue;
            }

            if (link.IsImage || url.Length == 0 || url.StartsWith('#') || SafeUrls.HasScheme(url) || url.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var hashAt = url.IndexOf('#');
            var file = Uri.UnescapeDataString(hashAt < 0 ? url : url[..hashAt]);
            var anchor = hashAt < 0 ? null : url[(hashAt + 1)..];
            var queryAt = file.IndexOf('?');
            if (queryAt >= 0)
            {
                file = file[..queryAt];
            }

            if (!file.EndsWith(NotePaths.Extension, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = NotePaths.Resolve(path, file);
            var resolved = target is not null && noteExists(target);
            var line = (link.Parent?.ParentBlock?.Line ?? 0) + 1;
            links.Add(new NoteLink(url, target ?? file, anchor, resolved, line));

            if (target is not null)
            {
                link.Url = urls.NotePrefix + string.Join('/', target.Split('/').Select(Uri.EscapeDataString))
                    + (anchor is null ? "" : "#" + anchor);
            }

            if (!resolved)
            {
                var attributes = link.GetAttributes();
                attributes.AddClass("broken-link");
                attributes.AddProperty("title", $"Broken link: no note at {file}");
            }
        }

        return links;
    }

    /// <summary>Rule 3: a tagged heading covers everything up to the next heading of its level or higher.</summary>
    private static IEnumerable<PendingUnit> SectionUnits(MarkdownDocument document, List<PendingHeading> headings)
    {
        foreach (var heading in headings.Where(h => h.Tags.Count > 0))
        {
            var content = new List<Block>();
            if (heading.Block.Parent == document)
            {
                for (var i = document.IndexOf(heading.Block) + 1; i < document.Count; i++)
                {
                    if (document[i] is HeadingBlock next && next.Level <= heading.Level)
                    {
                        break;
                    }

                    content.Add(document[i]);
                }
            }

            yield return new PendingUnit(UnitKind.Section, heading.Title, heading.Anchor, heading.Tags, heading.Block.Line, content, null);
        }
    }

    /// <summary>Rules 4–6: tags outside headings mark the innermost list item or table row, a block, or a paragraph.</summary>
    private static IEnumerable<PendingUnit> TaggedLeafUnits(NoteTree tree, ParagraphBlock? tagsParagraph, Slugger slugger)
    {
        var owners = new Dictionary<Block, List<string>>();
        var order = new List<Block>();
        foreach (var paragraph in tree.Paragraphs)
        {
            if (paragraph == tagsParagraph)
            {
                continue;
            }

            var tags = TagsIn(paragraph.Inline);
            if (tags.Count == 0)
            {
                continue;
            }

            var owner = InnermostItem(paragraph) ?? (Block)paragraph;
            if (!owners.TryGetValue(owner, out var ownerTags))
            {
                owners[owner] = ownerTags = [];
                order.Add(owner);
            }

            foreach (var tag in tags)
            {
                if (!ownerTags.Contains(tag))
                {
                    ownerTags.Add(tag);
                }
            }
        }

        foreach (var owner in order)
        {
            var tags = owners[owner];
            var unit = owner switch
            {
                ListItemBlock item => new PendingUnit(UnitKind.Item, Shorten(TextOf(item)), "", tags, item.Line, item.ToList(), null),
                TableRow row => new PendingUnit(UnitKind.Item, Shorten(TextOf(row.FirstOrDefault())), "", tags, row.Line, [], row),
                ParagraphBlock lead when IsLeadLine(lead, out var bold) =>
                    new PendingUnit(UnitKind.Block, LeadTitle(bold), "", tags, lead.Line, BlockContent(lead), null),
                _ => new PendingUnit(UnitKind.Paragraph, Shorten(TextOf(owner)), "", tags, owner.Line, [owner], null),
            };

            var anchor = slugger.Unique(ShortSlugSource(unit.Title));
            owner.GetAttributes().Id = anchor;
            yield return unit with { Anchor = anchor };
        }
    }

    private static Block? InnermostItem(Block block)
    {
        for (var current = block.Parent; current is not null; current = current.Parent)
        {
            if (current is ListItemBlock or TableRow)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Rule 4: a paragraph outside any list whose first line is one bold span, an optional colon, then only tags.</summary>
    private static bool IsLeadLine(ParagraphBlock paragraph, [NotNullWhen(true)] out EmphasisInline? bold)
    {
        bold = null;
        if (InnermostItem(paragraph) is not null || paragraph.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 2 } lead)
        {
            return false;
        }

        for (var inline = lead.NextSibling; inline is not null and not LineBreakInline; inline = inline.NextSibling)
        {
            var allowed = inline switch
            {
                LiteralInline literal => IsColonOrSpace(literal.Content.AsSpan()),
                CodeInline code => TagSyntax.TryParse(code.Content, out _),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        // The title must not be empty once its colon is cut, checked without making the string.
        foreach (var chunk in RawText(lead, keepTags: false).GetChunks())
        {
            if (!IsColonOrSpace(chunk.Span))
            {
                bold = lead;
                return true;
            }
        }

        return false;
    }

    private static string LeadTitle(EmphasisInline bold) => TextOf(bold).TrimEnd(':', ' ').Trim();

    private static bool IsColonOrSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A block covers its lead paragraph's followers up to the next heading or next lead line.</summary>
    private static List<Block> BlockContent(ParagraphBlock lead)
    {
        var content = new List<Block>();
        if (lead.Inline?.Descendants<LineBreakInline>().Any() == true)
        {
            content.Add(lead);
        }

        var container = lead.Parent!;
        for (var i = container.IndexOf(lead) + 1; i < container.Count; i++)
        {
            var next = container[i];
            if (next is HeadingBlock || (next is ParagraphBlock p && IsLeadLine(p, out _)))
            {
                break;
            }

            content.Add(next);
        }

        return content;
    }

    /// <summary>
    /// The section of blocks asked about in document order: the last top-level heading at or before the
    /// top-level block holding them. One walk of the document answers every lookup of a note.
    /// </summary>
    private sealed class SectionCursor(MarkdownDocument document, List<PendingHeading> headings)
    {
        private int _nextBlock;
        private int _nextHeading;
        private Block? _top;
        private PendingHeading? _current;

        public PendingHeading? SectionOf(Block block)
        {
            var top = block;
            while (top.Parent is not null and not MarkdownDocument)
            {
                top = top.Parent;
            }

            if (top.Parent != document)
            {
                return null;
            }

            while (top != _top && _nextBlock < document.Count)
            {
                _top = document[_nextBlock++];
                if (_top is HeadingBlock heading && Find(headings, heading, ref _nextHeading) is { } pending)
                {
                    _current = pending;
                }
            }

            return _current;
        }
    }

    /// <summary>A heading's pending form, looked for from <paramref name="next"/> on: headings are met in document order.</summary>
    private static PendingHeading? Find(List<PendingHeading> headings, HeadingBlock block, ref int next)
    {
        for (var i = next; i < headings.Count; i++)
        {
            if (headings[i].Block == block)
            {
                next = i + 1;
                return headings[i];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*[-–—:]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TermSeparator();

    /// <summary>Items written <c>**Term** - description</c> or <c>**Term:** description</c>, grouped by list.</summary>
    private static List<TermList> ReadTermLists(NoteTree tree, SectionCursor sections)
    {
        var lists = new List<TermList>();
        foreach (var list in tree.Lists)
        {
            var pairs = new List<TermPair>();
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } bold } paragraph
                    && TermPairOf(bold, paragraph, item.TryGetAttributes()?.Id) is { } pair)
                {
                    pairs.Add(pair);
                }
            }

            if (pairs.Count > 0 && sections.SectionOf(list) is { } section)
            {
                lists.Add(new TermList(section.Anchor, section.Title,
                    pairs.Select(p => p with { Anchor = p.Anchor.Length > 0 ? p.Anchor : section.Anchor }).ToList()));
            }
        }

        return lists;
    }

    private static TermPair? TermPairOf(EmphasisInline bold, ParagraphBlock paragraph, string? anchor)
    {
        var term = TextOf(bold);
        var rest = new StringBuilder();
        for (var inline = bold.NextSibling; inline is not null; inline = inline.NextSibling)
        {
            AppendText(inline, rest, keepTags: false);
        }

        var after = Whitespace.Collapse(rest);
        var separator = TermSeparator().Match(after);
        if (term.EndsWith(':'))
        {
            term = term.TrimEnd(':').Trim();
        }
        else if (separator.Success)
        {
            after = after[separator.Length..];
        }
        else
        {
            return null;
        }

        return term.Length > 0 && after.Length > 0 ? new TermPair(term, after, TagsIn(paragraph.Inline), anchor ?? "") : null;
    }

    /// <summary>Every bold-lead block with the text of what it covers, tagged or not.</summary>
    private static List<TermPair> ReadBlocks(NoteTree tree, List<PendingUnit> units, SectionCursor sections)
    {
        var blocks = new List<TermPair>();
        var description = new StringBuilder();
        foreach (var paragraph in tree.Paragraphs)
        {
            if (!IsLeadLine(paragraph, out var bold))
            {
                continue;
            }

            description.Clear();
            foreach (var block in BlockContent(paragraph))
            {
                if (block is ListBlock list)
                {
                    foreach (var item in list)
                    {
                        AppendPart(item, description);
                    }
                }
                else if (block is not CodeBlock)
                {
                    // Prose only: a code sample under a block is no description of it.
                    AppendPart(block, description);
                }
            }

            if (description.Length > 0)
            {
                var unit = units.Find(u => u.Kind == UnitKind.Block && u.Line == paragraph.Line);
                var anchor = unit?.Anchor ?? sections.SectionOf(paragraph)?.Anchor ?? "";
                blocks.Add(new TermPair(LeadTitle(bold), description.ToString(), unit?.Tags ?? [], anchor));
            }
        }

        return blocks;
    }

    /// <summary>Adds a block's text to a description, after "; " unless it is the first part or has no text.</summary>
    private static void AppendPart(Block block, StringBuilder description)
    {
        var before = description.Length;
        if (before > 0)
        {
            description.Append("; ");
        }

        if (!AppendTextOf(block, description))
        {
            description.Length = before;
        }
    }

    /// <summary>Units are shown many to a page, so their HTML carries no ids that could collide.</summary>
    private static void StripIds(NoteTree tree)
    {
        foreach (var block in tree.Blocks)
        {
            if (block.TryGetAttributes() is { } attributes)
            {
                attributes.Id = null;
            }
        }
    }

    /// <summary>Renders one unit with the renderer the note was rendered with.</summary>
    private static void RenderUnit(Markdig.Renderers.HtmlRenderer renderer, PendingUnit unit)
    {
        if (unit.Row is { Parent: Table table } row)
        {
            // A table row alone is unreadable: show it under its table's header row.
            renderer.Write("<table>");
            if (table.FirstOrDefault() is TableRow { IsHeader: true } header && header != row)
            {
                WriteRow(renderer, header, "th");
            }

            WriteRow(renderer, row, "td");
            renderer.Write("</table>");
        }

        foreach (var block in unit.Content)
        {
            renderer.Render(block);
        }
    }

    private static void WriteRow(Markdig.Renderers.HtmlRenderer renderer, TableRow row, string cellTag)
    {
        renderer.Write("<tr>");
        foreach (var cell in row.OfType<TableCell>())
        {
            renderer.Write('<').Write(cellTag).Write('>');
            renderer.ImplicitParagraph = true;
            renderer.WriteChildren(cell);
            renderer.ImplicitParagraph = false;
            renderer.Write("</").Write(cellTag).Write('>');
        }

        renderer.Write("</tr>");
    }

    private static List<SectionText> SectionTexts(NoteTree tree, List<PendingHeading> headings)
    {
        var sections = new List<SectionText>();
        var anchor = "";
        var title = headings.FirstOrDefault()?.Title ?? "";
        var text = new StringBuilder(1024);
        var nextHeading = 0;

        void Flush()
        {
            if (text.Length > 0 || anchor.Length > 0)
            {
                sections.Add(new SectionText(anchor, title, Trimmed(text)));
            }

            text.Clear();
        }

        foreach (var block in tree.Blocks)
        {
            if (block is HeadingBlock heading && Find(headings, heading, ref nextHeading) is { } pending)
            {
                Flush();
                anchor = pending.Anchor;
                title = pending.Title;
            }
            else if (block is LeafBlock leaf and not HeadingBlock and not YamlFrontMatterBlock)
            {
                if (leaf.Inline is null)
                {
                    AppendLines(leaf.Lines, text);
                }
                else
                {
                    Whitespace.AppendCollapsed(RawText(leaf.Inline, keepTags: true), text);
                }

                text.Append('\n');
            }
        }

        Flush();
        return sections;
    }

    private static void AppendLines(StringLineGroup lines, StringBuilder text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(lines.Lines[i].Slice.AsSpan());
        }
    }

    private static string Trimmed(StringBuilder text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text.ToString(start, end - start);
    }

    [GeneratedRegex(@"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$", RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterRow();

    /// <summary>Markdig reads a malformed table leniently; the learner should still hear about it.</summary>
    private static List<NoteWarning> FindWarnings(NoteTree tree, string markdown)
    {
        const string BrokenTable = "This table is malformed: ";
        var warnings = new List<NoteWarning>();
        var tables = tree.Tables.Where(t => t.Parent is not null).ToList();
        // Split into lines only for a note with a table: most notes have none.
        var lines = tables.Count > 0 ? markdown.Split('\n') : [];
        foreach (var table in tables)
        {
            var first = table.Line;
            var last = Math.Min(lines.Length - 1, table.Line + table.Count);
            if (first + 1 <= last && !DelimiterRow().IsMatch(lines[first + 1].Trim()))
            {
                warnings.Add(new NoteWarning(first + 2, BrokenTable + "the second line must be a delimiter row like | --- | --- |."));
                continue;
            }

            var columns = CellCount(lines[first]);
            for (var i = first + 2; i <= last; i++)
            {
                var row = lines[i].Trim();
                if (row.Length > 0 && CellCount(row) != columns)
                {
                    warnings.Add(new NoteWarning(i + 1, BrokenTable + $"this row has {CellCount(row)} cells, the header has {columns}."));
                    break;
                }
            }
        }

        foreach (var paragraph in tree.Paragraphs)
        {
            if (paragraph.Parent is TableCell)
            {
                continue;
            }

            var firstLine = FirstLine(markdown, paragraph.Span.Start);
            if (firstLine.StartsWith('|') && firstLine.Count('|') >= 2)
            {
                warnings.Add(new NoteWarning(paragraph.Line + 1, BrokenTable + "it was not recognised as a table; check its delimiter row."));
            }
        }

        return warnings;
    }

    private static ReadOnlySpan<char> FirstLine(string markdown, int start)
    {
        if (start < 0 || start >= markdown.Length)
        {
            return [];
        }

        var end = markdown.IndexOf('\n', start);
        return markdown.AsSpan()[start..(end < 0 ? markdown.Length : end)].Trim();
    }

    private static int CellCount(string row)
    {
        var trimmed = row.Trim();
        var cells = trimmed.Replace("\\|", "").Split('|');
        var count = cells.Length;
        if (trimmed.StartsWith('|'))
        {
            count--;
        }

        if (trimmed.EndsWith('|') && trimmed.Length > 1)
        {
            count--;
        }

        return count;
    }

    private static string? FrontMatterTitle(MarkdownDocument document, string markdown)
    {
        if (document.FirstOrDefault() is not YamlFrontMatterBlock front)
        {
            return null;
        }

        foreach (var line in markdown.Substring(front.Span.Start, front.Span.Length).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                var value = trimmed["title:".Length..].Trim().Trim('"', '\'');
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The tags among the inlines, in order, each once. Most headings and list items have none: they
    /// share one empty list, since a note's outline is kept for as long as the note is served.
    /// </summary>
    private static IReadOnlyList<string> TagsIn(ContainerInline? inline)
    {
        List<string>? tags = null;
        AddTags(inline, ref tags);
        return tags ?? (IReadOnlyList<string>)[];
    }

    private static void AddTags(ContainerInline? container, ref List<string>? tags)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is CodeInline code && TagSyntax.TryParse(code.Content, out var tag) && !(tags?.Contains(tag) ?? false))
            {
                (tags ??= []).Add(tag);
            }
            else if (inline is ContainerInline inner)
            {
                AddTags(inner, ref tags);
            }
        }
    }

    private static string TextOf(Block? block)
    {
        var text = new StringBuilder();
        AppendTextOf(block, text);
        return text.ToString();
    }

    /// <summary>A leaf's text (collapsed unless it is code), or a container's first child that has any; false when there is none.</summary>
    private static bool AppendTextOf(Block? block, StringBuilder target)
    {
        var start = target.Length;
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Whitespace.AppendCollapsed(RawText(inline, keepTags: false), target);
                break;
            case LeafBlock leaf:
                AppendLines(leaf.Lines, target);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    if (AppendTextOf(child, target))
                    {
                        return true;
                    }
                }

                break;
        }

        return target.Length > start;
    }

    /// <summary>The visible text of inlines, without tags unless asked, whitespace collapsed.</summary>
    private static string TextOf(ContainerInline? inline, bool keepTags = false) => Whitespace.Collapse(RawText(inline, keepTags));

    /// <summary>The visible text of inlines as written, in this thread's builder: valid until the next call.</summary>
    private static StringBuilder RawText(ContainerInline? inline, bool keepTags)
    {
        // One huge paragraph should not stay allocated for the life of the thread.
        var text = t_text is { Capacity: <= 16 * 1024 } kept ? kept.Clear() : t_text = new StringBuilder(256);
        AppendText(inline, text, keepTags);
        return text;
    }

    // RawText runs for nearly every block of every note, and notes are parsed on several threads at once:
    // one builder per thread instead of one per call.
    [ThreadStatic]
    private static StringBuilder? t_text;

    private static void AppendText(Inline? inline, StringBuilder text, bool keepTags)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                // As a span: StringSlice has no Append overload of its own and would be copied into a string first.
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                if (keepTags || !TagSyntax.TryParse(code.Content, out _))
                {
                    text.Append(code.Content);
                }

                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    AppendText(child, text, keepTags);
                }

                break;
        }
    }

    private static string Shorten(string text)
    {
        if (text.Length <= TitleLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', TitleLength - 1);
        return text[..(cut > 20 ? cut : TitleLength - 1)] + "…";
    }

    private static string ShortSlugSource(string title)
    {
        var words = title.TrimEnd('…').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(6));
    }

    /// <summary>
    /// A note's blocks, in document order, and the kinds the rules read, gathered in one walk: each
    /// rule used to walk the whole tree (inlines included) on its own.
    /// </summary>
    private sealed class NoteTree
    {
        public List<Block> Blocks { get; } = [];
        public List<HeadingBlock> Headings { get; } = [];
        public List<ParagraphBlock> Paragraphs { get; } = [];
        public List<ListBlock> Lists { get; } = [];
        public List<Table> Tables { get; } = [];
        public List<LinkInline> Links { get; } = [];
        public List<AutolinkInline> Autolinks { get; } = [];

        public static NoteTree Of(MarkdownDocument document)
        {
            var tree = new NoteTree();
            tree.AddChildren(document);
            return tree;
        }

        private void AddChildren(ContainerBlock container)
        {
            foreach (var block in container)
            {
                Blocks.Add(block);
                switch (block)
                {
                    case HeadingBlock heading:
                        Headings.Add(heading);
                        break;
                    case ParagraphBlock paragraph:
                        Paragraphs.Add(paragraph);
                        break;
                    case ListBlock list:
                        Lists.Add(list);
                        break;
                    case Table table:
                        Tables.Add(table);
                        break;
                }

                if (block is LeafBlock { Inline: { } inline })
                {
                    AddLinks(inline);
                }
                else if (block is ContainerBlock inner)
                {
                    AddChildren(inner);
                }
            }
        }

        private void AddLinks(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                if (inline is AutolinkInline autolink)
                {
                    Autolinks.Add(autolink);
                }
                else if (inline is LinkInline link)
                {
                    Links.Add(link);
                }

                if (inline is ContainerInline inner)
                {
                    AddLinks(inner);
                }
            }
        }
    }
}
