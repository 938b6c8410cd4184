using System.Security.Cryptography;
using System.Text;

namespace SageStudy.Content.Questions;

/// <summary>
/// Makes questions out of what a note already says: its <c>**Term** - description</c> lists and its
/// tagged bold-lead blocks. A question that could be ambiguous or gives its answer away is not made.
/// </summary>
public static class QuestionGenerator
{
    private const int DistractorCount = 3;

    /// <summary>A generated question has one answer among at most four options: shared lists, not one per question.</summary>
    private static readonly IReadOnlyList<int>[] OneAnswer = [.. Enumerable.Range(0, DistractorCount + 1).Select(i => Array.AsReadOnly([i]))];

    /// <summary>Which side of a term pair a question asks for; part of the question's id.</summary>
    private enum Asks
    {
        Term,
        Description,
    }

    public static IReadOnlyList<Question> Generate(Note note)
    {
        var questions = new List<Question>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        void Add(Question? question)
        {
            // The same term twice in a note gives the same id: the first one is the question.
            if (question is not null && ids.Add(question.Id))
            {
                questions.Add(question);
            }
        }

        foreach (var list in note.TermLists.Where(l => l.Pairs.Count > DistractorCount))
        {
            var sectionTags = note.Headings.FirstOrDefault(h => h.Anchor == list.Anchor)?.Tags ?? [];
            var pairs = list.Pairs.Select(OnOneLine).ToList();
            for (var i = 0; i < pairs.Count; i++)
            {
                var tags = pairs[i].Tags.Concat(sectionTags).Distinct().ToList();
                Add(Ask(note.Path, pairs, i, Asks.Term, fromBlock: false, tags));
                Add(Ask(note.Path, pairs, i, Asks.Description, fromBlock: false, tags));
            }
        }

        var blocks = note.Blocks.Select(OnOneLine).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Tags.Count > 0)
            {
                Add(Ask(note.Path, blocks, i, Asks.Term, fromBlock: true, blocks[i].Tags));
                Add(Ask(note.Path, blocks, i, Asks.Description, fromBlock: true, blocks[i].Tags));
            }
        }

        return questions;
    }

    /// <summary>Asks for one side of <c>pairs[index]</c>, with distractors drawn from the other pairs.</summary>
    private static Question? Ask(string notePath, IReadOnlyList<TermPair> pairs, int index, Asks asks, bool fromBlock, IReadOnlyList<string> tags)
    {
        var pair = pairs[index];
        Func<TermPair, string> shownOf = asks == Asks.Term ? p => p.Description : p => p.Term;
        Func<TermPair, string> answerOf = asks == Asks.Term ? p => p.Term : p => p.Description;
        var answer = answerOf(pair);

        // A description that names its term gives the answer away in either direction.
        if (Mentions(pair.Description, pair.Term))
        {
            return null;
        }

        // Another pair with the same prompt would also be right; one with the same answer could repeat an option.
        var others = pairs.Where((_, i) => i != index).ToList();
        if (others.Any(o => SameText(shownOf(o), shownOf(pair)) || SameText(answerOf(o), answer)))
        {
            return null;
        }

        var candidates = others.Select(answerOf).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (candidates.Length < DistractorCount)
        {
            return null;
        }

        var id = IdOf(notePath, asks, fromBlock, pair.Term);
        var random = new Random(SeedOf(id));
        random.Shuffle(candidates);
        var options = candidates.Take(DistractorCount).Append(answer).ToArray();
        random.Shuffle(options);

        return new Question
        {
            Id = id,
            Note = notePath,
            Anchor = pair.Anchor,
            Source = QuestionSource.Generated,
            Text = new TermPairText(pair, asks),
            Options = options,
            Answers = OneAnswer[Array.IndexOf(options, answer)],
            Tags = tags,
        };
    }

    /// <summary>
    /// Depends only on the note path, the direction and the term, so editing other parts of the
    /// note or renaming the section keeps a learner's history attached to the question.
    /// </summary>
    private static string IdOf(string notePath, Asks asks, bool fromBlock, string term)
    {
        var direction = asks == Asks.Term ? "term" : "description";
        var key = fromBlock ? $"{notePath}\nblock\n{direction}\n{term}" : $"{notePath}\n{direction}\n{term}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return QuestionBankParser.GeneratedIdPrefix + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>FNV-1a of the id: unlike string.GetHashCode it is the same in every process.</summary>
    private static int SeedOf(string id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return unchecked((int)hash);
    }

    /// <summary>
    /// A block's text can span lines (a code block under it) and must not inside a one-line prompt
    /// or option; trimmed and collapsed, texts that read the same also compare the same.
    /// </summary>
    private static TermPair OnOneLine(TermPair pair)
    {
        var (term, description) = (Whitespace.Collapse(pair.Term), Whitespace.Collapse(pair.Description));
        return ReferenceEquals(term, pair.Term) && ReferenceEquals(description, pair.Description)
            ? pair
            : pair with { Term = term, Description = description };
    }

    /// <summary>Whether the term occurs in the text as a whole word or phrase, ignoring case.</summary>
    private static bool Mentions(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + term.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameText(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Composed from the pair each time it is read rather than kept: a bank of 1,000 notes holds some
    /// 17,000 generated questions, whose texts took ~8 MB for the few a learner has on screen.
    /// Terms and descriptions are plain text read off the note: encoded, not parsed again as Markdown.
    /// </summary>
    private sealed record TermPairText(TermPair Pair, Asks Asks) : QuestionText
    {
        public override string Prompt => Asks == Asks.Term ? $"Which fits: *{Pair.Description}*?" : $"Which describes *{Pair.Term}*?";

        public override string PromptHtml => Asks == Asks.Term
            ? $"<p>Which fits: <em>{Html(Pair.Description)}</em>?</p>"
            : $"<p>Which describes <em>{Html(Pair.Term)}</em>?</p>";

        public override string Explanation => $"{Pair.Term}: {Pair.Description}";

        public override string ExplanationHtml => $"<p><strong>{Html(Pair.Term)}</strong>: {Html(Pair.Description)}</p>";

        private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
    }
}
