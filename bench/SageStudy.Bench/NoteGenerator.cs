using System.Globalization;
using System.Text;

namespace SageStudy.Bench;

/// <summary>
/// Writes N notes shaped like the seed note (title, **Tags:** line, ##/### sections, tagged headings,
/// bold lead lines and list items, a "- **Term** - description" list, relative links across the
/// ten folders), from a fixed vocabulary and a seeded random generator: the same arguments always
/// give the same bytes. Optionally writes the same notes as Hugo content, with a title front matter.
/// </summary>
public sealed class NoteGenerator(int count, int seed)
{
    private static readonly TextInfo Title = CultureInfo.InvariantCulture.TextInfo;
    private readonly Zipf _nouns = new(Words.Nouns.Length, 0.8);
    private readonly Zipf _adjectives = new(Words.Adjectives.Length, 0.8);
    private readonly Zipf _verbs = new(Words.Verbs.Length, 0.8);
    private readonly Zipf _topics = new(Words.TopicTags.Length, 0.7);

    public sealed record Generated(int Notes, long Bytes, int TermPairs, string CommonWord, string RareWord, string SampleNote);

    public Generated Write(string notesFolder, string? hugoContentFolder)
    {
        Reset(notesFolder);
        if (hugoContentFolder is not null)
        {
            Reset(hugoContentFolder);
        }

        var paths = Enumerable.Range(0, count).Select(PathOf).ToArray();
        var titles = Enumerable.Range(0, count).Select(TitleOf).ToArray();
        long bytes = 0;
        var pairs = 0;
        for (var i = 0; i < count; i++)
        {
            var (text, termPairs) = Note(i, paths, titles);
            pairs += termPairs;
            var file = Path.Combine(notesFolder, paths[i] + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
            bytes += Encoding.UTF8.GetByteCount(text);

            if (hugoContentFolder is not null)
            {
                var hugoFile = Path.Combine(hugoContentFolder, paths[i] + ".md");
                Directory.CreateDirectory(Path.GetDirectoryName(hugoFile)!);
                File.WriteAllText(hugoFile, $"---\ntitle: \"{titles[i]}\"\n---\n\n{text}");
            }
        }

        // Rank 0 is in nearly every note; a word far down the list is in only a few.
        return new Generated(count, bytes, pairs, Words.Nouns[0], Words.Nouns[^1], paths[Math.Min(count - 1, 7)]);
    }

    private static void Reset(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    // Random(int) is deterministic across processes and runtimes (unlike HashCode), so the notes are too.
    private Random RandomFor(int note, int purpose) => new(unchecked(seed * 1_000_003 + note * 7_919 + purpose * 104_729));

    private string TitleOf(int i)
    {
        var random = RandomFor(i, 1);
        return $"{Cap(Adjective(random))} {TwoNouns(random)}";
    }

    private string PathOf(int i)
    {
        var folder = Words.Folders[i % Words.Folders.Length];
        return $"{folder}/{Slug(TitleOf(i))}-{i:D5}";
    }

    private (string Text, int TermPairs) Note(int i, string[] paths, string[] titles)
    {
        var random = RandomFor(i, 2);
        var text = new StringBuilder();
        var usedHeadings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Overview", "Exam Tips", "Gotchas", "Related Topics" };

        text.Append("# ").Append(titles[i]).Append("\n\n");
        var noteTags = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Words.TopicTags[_topics.Next(random)]).Distinct();
        text.Append("**Tags:** ").Append(string.Join(' ', noteTags.Select(t => $"`#{t}`"))).Append("\n\n");

        text.Append("## Overview\n");
        text.Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append("\n\n");

        var termPairs = 0;
        var sections = random.Next(2, 4);
        for (var s = 0; s < sections; s++)
        {
            text.Append("## ").Append(Heading(random, usedHeadings)).Append(Tag(random, 0.15, "important")).Append("\n\n");
            var subsections = random.Next(2, 4);
            for (var sub = 0; sub < subsections; sub++)
            {
                // The first subsection of the first section is the term list the quiz draws from.
                var isTermList = s == 0 && sub == 0;
                var tag = isTermList ? " `#exam-tip`" : Tag(random, 0.35, "exam-tip");
                text.Append("### ").Append(Heading(random, usedHeadings)).Append(tag).Append('\n');
                if (isTermList)
                {
                    termPairs += TermList(random, text);
                }
                else if (random.NextDouble() < 0.5)
                {
                    LeadBlocks(random, text);
                }
                else
                {
                    Items(random, text, random.Next(2, 5), itemTagChance: 0.2);
                }

                text.Append('\n');
            }
        }

        text.Append("## Exam Tips\n");
        Items(random, text, random.Next(3, 5), itemTagChance: 0);
        text.Append('\n');

        text.Append("## Gotchas `#gotcha`\n");
        Items(random, text, random.Next(2, 4), itemTagChance: 0);
        text.Append('\n');

        text.Append("## Related Topics\n");
        var links = random.Next(3, 6);
        var linked = new HashSet<int> { i };
        for (var l = 0; l < links && linked.Count < paths.Length; l++)
        {
            var target = random.Next(paths.Length);
            if (!linked.Add(target))
            {
                continue;
            }

            text.Append("- [").Append(titles[target]).Append("](").Append(Relative(paths[i], paths[target])).Append(".md)\n");
        }

        return (text.ToString(), termPairs);
    }

    private int TermList(Random random, StringBuilder text)
    {
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var wanted = random.Next(5, 10);
        for (var attempt = 0; terms.Count < wanted && attempt < 50; attempt++)
        {
            var term = TwoNouns(random);
            if (terms.Add(term))
            {
                text.Append("- **").Append(term).Append("** - ").Append(Phrase(random, 4, 8)).Append('\n');
            }
        }

        return terms.Count;
    }

    private void LeadBlocks(Random random, StringBuilder text)
    {
        var blocks = random.Next(1, 3);
        for (var b = 0; b < blocks; b++)
        {
            var tag = random.NextDouble() switch
            {
                < 0.35 => " `#exam-tip`",
                < 0.5 => " `#gotcha`",
                _ => "",
            };
            text.Append("\n**").Append(Cap(Adjective(random))).Append(' ').Append(Cap(Noun(random))).Append("**").Append(tag).Append('\n');
            Items(random, text, random.Next(2, 4), itemTagChance: 0);
        }
    }

    private void Items(Random random, StringBuilder text, int count, double itemTagChance)
    {
        for (var n = 0; n < count; n++)
        {
            text.Append("- ").Append(Phrase(random, 5, 12));
            if (random.NextDouble() < 0.25)
            {
                text.Append(" (").Append(Noun(random)).Append(", ").Append(Noun(random)).Append(')');
            }

            text.Append(Tag(random, itemTagChance, random.NextDouble() < 0.7 ? "exam-tip" : Words.TopicTags[_topics.Next(random)])).Append('\n');
        }
    }

    private static string Tag(Random random, double chance, string tag) => random.NextDouble() < chance ? $" `#{tag}`" : "";

    private string Heading(Random random, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var heading = random.Next(3) switch
            {
                0 => TwoNouns(random),
                1 => $"{Cap(Adjective(random))} {Cap(Noun(random))}",
                _ => TwoNouns(random, " and "),
            };
            if (used.Add(heading) || attempt > 20)
            {
                return heading;
            }
        }
    }

    private string Sentence(Random random)
    {
        var sentence = $"{Cap(Adjective(random))} {Noun(random)} {Verb(random)} the {Noun(random)} {Noun(random)}";
        if (random.NextDouble() < 0.5)
        {
            sentence += " " + Words.Tails[random.Next(Words.Tails.Length)];
        }

        return sentence + ".";
    }

    /// <summary>A lowercase fragment of min..max words, starting with a capital.</summary>
    private string Phrase(Random random, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var words = new List<string>(length + 2);
        while (words.Count < length)
        {
            switch (random.Next(5))
            {
                case 0:
                    words.Add(Verb(random));
                    words.Add(Noun(random));
                    break;
                case 1:
                    words.Add(Adjective(random));
                    words.Add(Noun(random));
                    break;
                case 2:
                    words.Add(random.Next(4) switch { 0 => "for", 1 => "with", 2 => "per", _ => "of" });
                    words.Add(Noun(random));
                    break;
                default:
                    words.Add(Noun(random));
                    break;
            }
        }

        words[0] = Cap(words[0]);
        return string.Join(' ', words);
    }

    /// <summary>Two different capitalised nouns, e.g. "Feature Store".</summary>
    private string TwoNouns(Random random, string between = " ")
    {
        var first = Noun(random);
        var second = Noun(random);
        while (second == first)
        {
            second = Noun(random);
        }

        return Cap(first) + between + Cap(second);
    }

    private string Noun(Random random) => Words.Nouns[_nouns.Next(random)];

    private string Adjective(Random random) => Words.Adjectives[_adjectives.Next(random)];

    private string Verb(Random random) => Words.Verbs[_verbs.Next(random)];

    private static string Cap(string word) => Title.ToTitleCase(word);

    private static string Slug(string title) => string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The link from one note path to another, e.g. "./x" or "../training/y".</summary>
    private static string Relative(string from, string to)
    {
        var fromFolder = from[..from.LastIndexOf('/')];
        var toFolder = to[..to.LastIndexOf('/')];
        var name = to[(to.LastIndexOf('/') + 1)..];
        return fromFolder == toFolder ? $"./{name}" : $"../{toFolder}/{name}";
    }
}
