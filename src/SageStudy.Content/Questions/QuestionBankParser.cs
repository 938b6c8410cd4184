using System.Text.RegularExpressions;

namespace SageStudy.Content.Questions;

/// <summary>The questions read from one bank file, and what was wrong with the ones left out.</summary>
public sealed record QuestionFile(string File, IReadOnlyList<Question> Questions, IReadOnlyList<ContentProblem> Problems);

/// <summary>
/// Reads one file of authored questions. Each question starts at <c>## id</c> and holds, in order,
/// a <c>Section: note#anchor</c> line, an optional <c>Tags:</c> line, the prompt, task-list options
/// (<c>- [x]</c> marks a correct one) and an <c>Explanation:</c>. A question with any problem is
/// left out and the problem reported, so one typo never shows a learner a broken question.
/// </summary>
public static partial class QuestionBankParser
{
    /// <summary>Generated questions use this id prefix, so authored ids may not.</summary>
    internal const string GeneratedIdPrefix = "gen-";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(section|tags)\s*:\s*(.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^ {0,3}[-*+]\s+\[([ xX])\](?:\s+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"^explanation\s*:\s*(.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExplanationPattern();

    /// <param name="file">The file's content-relative name, e.g. <c>quiz/sagemaker.md</c>, used in problems.</param>
    public static QuestionFile Parse(string file, string text)
    {
        var questions = new List<Question>();
        var problems = new List<ContentProblem>();
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        QuestionDraft? draft = null;

        void Finish()
        {
            if (draft is null)
            {
                return;
            }

            var draftProblems = draft.Problems(idLines);
            if (draftProblems.Count == 0)
            {
                questions.Add(draft.ToQuestion());
            }

            problems.AddRange(draftProblems);
            idLines.TryAdd(draft.Id, draft.Line);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (draft is not { InFence: true })
            {
                if (line.StartsWith("##", StringComparison.Ordinal) && (line.Length == 2 || line[2] is ' ' or '\t'))
                {
                    Finish();
                    draft = new QuestionDraft(file, line[2..].Trim(), number);
                    continue;
                }

                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    continue;
                }
            }

            if (draft is not null)
            {
                draft.Read(line, number);
            }
            else if (line.Trim().Length > 0)
            {
                problems.Add(new ContentProblem(file, number, "This text is outside any question; start each question with a '## id' line."));
            }
        }

        Finish();
        return new QuestionFile(file, questions, problems);
    }

    private sealed record DraftOption(string Text, bool Correct, int Line);

    private enum Part
    {
        Header,
        Prompt,
        Options,
        Explanation,
    }

    /// <summary>One question as read so far; checked as a whole when the next one starts.</summary>
    private sealed class QuestionDraft(string file, string id, int line)
    {
        private readonly List<string> _prompt = [];
        private readonly List<DraftOption> _options = [];
        private readonly List<string> _explanation = [];
        private readonly List<ContentProblem> _problems = [];
        private readonly List<string> _tags = [];
        private Part _part = Part.Header;
        private string? _fence;
        private string _note = "";
        private string _anchor = "";
        private bool _hasSection;
        private bool _misplacedText;

        public string Id { get; } = id;
        public int Line { get; } = line;

        /// <summary>Inside a fenced code block, lines are text: a <c>## </c> there is a comment, not a question.</summary>
        public bool InFence => _fence is not null;

        public void Read(string line, int number)
        {
            if (_part == Part.Explanation || _fence is not null)
            {
                TrackFence(line);
                (_part == Part.Explanation ? _explanation : _prompt).Add(line);
                return;
            }

            if (_part == Part.Header && FieldPattern().Match(line) is { Success: true } field)
            {
                ReadField(field.Groups[1].Value.ToLowerInvariant(), field.Groups[2].Value.Trim(), number);
                return;
            }

            if (OptionPattern().Match(line) is { Success: true } option)
            {
                _part = Part.Options;
                _options.Add(new DraftOption(option.Groups[2].Value.Trim(), option.Groups[1].Value != " ", number));
                return;
            }

            if (ExplanationPattern().Match(line) is { Success: true } explanation)
            {
                _part = Part.Explanation;
                _explanation.Add(explanation.Groups[1].Value);
                return;
            }

            if (_part == Part.Options)
            {
                ReadAfterOption(line, number);
                return;
            }

            if (line.Trim().Length > 0 || _part == Part.Prompt)
            {
                _part = Part.Prompt;
                TrackFence(line);
                _prompt.Add(line);
            }
        }

        private void ReadField(string name, string value, int number)
        {
            if (name == "tags")
            {
                ReadTags(value, number);
                return;
            }

            if (_hasSection)
            {
                _problems.Add(Problem(number, "Section is given twice; a question re-reads one section."));
                return;
            }

            _hasSection = true;
            var hashAt = value.IndexOf('#');
            _note = hashAt < 0 ? value : value[..hashAt].Trim();
            _anchor = hashAt < 0 ? "" : value[(hashAt + 1)..].Trim();
            if (_note.Length == 0 || _anchor.Length == 0)
            {
                _problems.Add(Problem(number, $"Section '{value}' must name a note and an anchor, like 'sagemaker#training'."));
            }
        }

        private void ReadTags(string value, int number)
        {
            foreach (var word in value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = word.TrimStart('#').ToLowerInvariant();
                if (!TagSyntax.IsName(tag))
                {
                    _problems.Add(Problem(number, $"'{word}' is not a tag: use letters, digits and hyphens."));
                }
                else if (!_tags.Contains(tag))
                {
                    _tags.Add(TagSyntax.Shared(tag));
                }
            }
        }

        /// <summary>An indented line continues the option above it; anything else there is misplaced.</summary>
        private void ReadAfterOption(string line, int number)
        {
            if (line.Trim().Length == 0)
            {
                return;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                var last = _options[^1];
                _options[^1] = last with { Text = $"{last.Text} {line.Trim()}".Trim() };
                return;
            }

            if (!_misplacedText)
            {
                _problems.Add(Problem(number, "Text after the options must start with 'Explanation:'; put prompt text before the options."));
                _misplacedText = true;
            }
        }

        private void TrackFence(string line)
        {
            var trimmed = line.Trim();
            if (_fence is null)
            {
                _fence = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
                    ? trimmed[..3]
                    : null;
            }
            else if (trimmed.StartsWith(_fence, StringComparison.Ordinal) && trimmed.Trim(_fence[0]).Length == 0)
            {
                _fence = null;
            }
        }

        public List<ContentProblem> Problems(IReadOnlyDictionary<string, int> idLines)
        {
            var problems = new List<ContentProblem>();
            if (!IdPattern().IsMatch(Id))
            {
                problems.Add(Problem(Line, $"'{Id}' is not a question id: use lowercase letters, digits and hyphens, like '## sm-spot-training'."));
            }
            else if (Id.StartsWith(GeneratedIdPrefix, StringComparison.Ordinal))
            {
                problems.Add(Problem(Line, $"The id '{Id}' starts with '{GeneratedIdPrefix}', which is kept for generated questions."));
            }
            else if (idLines.TryGetValue(Id, out var firstLine))
            {
                problems.Add(Problem(Line, $"The id '{Id}' is already used by the question on line {firstLine}."));
            }

            if (!_hasSection)
            {
                problems.Add(Problem(Line, "The question has no 'Section: note#anchor' line naming the section to re-read."));
            }

            problems.AddRange(_problems);
            if (string.Join('\n', _prompt).Trim().Length == 0)
            {
                problems.Add(Problem(Line, "The question has no prompt: write it between the Section line and the options."));
            }

            var optionLine = _options.Count > 0 ? _options[0].Line : Line;
            if (_options.Count < 2)
            {
                problems.Add(Problem(optionLine, $"The question has {_options.Count} option(s); it needs at least two '- [ ]' options."));
            }
            else if (!_options.Any(o => o.Correct))
            {
                problems.Add(Problem(optionLine, "No option is marked correct; mark the right one(s) with '- [x]'."));
            }
            else if (_options.All(o => o.Correct))
            {
                problems.Add(Problem(optionLine, "Every option is marked correct; a question needs at least one wrong option."));
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var option in _options)
            {
                if (option.Text.Length == 0)
                {
                    problems.Add(Problem(option.Line, "This option has no text."));
                }
                else if (!seen.Add(option.Text))
                {
                    problems.Add(Problem(option.Line, $"The option '{option.Text}' appears twice."));
                }
            }

            return problems;
        }

        public Question ToQuestion()
        {
            var prompt = string.Join('\n', _prompt).Trim();
            var explanation = string.Join('\n', _explanation).Trim();
            return new Question
            {
                Id = Id,
                Note = _note,
                Anchor = _anchor,
                Source = QuestionSource.Authored,
                Text = new WrittenQuestionText(
                    prompt,
                    SafeMarkdown.ToHtml(prompt),
                    explanation,
                    explanation.Length == 0 ? "" : SafeMarkdown.ToHtml(explanation)),
                Options = _options.Select(o => o.Text).ToList(),
                Answers = _options.Select((o, i) => (o, i)).Where(p => p.o.Correct).Select(p => p.i).ToList(),
                Tags = _tags,
                File = file,
                Line = Line,
            };
        }

        private ContentProblem Problem(int number, string message) => new(file, number, message);
    }
}
