using System.Text.RegularExpressions;
using SageStudy.Content.Questions;

namespace SageStudy.Content.Tests.Questions;

/// <summary>The authored-question format, and every malformed question reported where it is and left out.</summary>
public class QuestionBankParserTests
{
    private const string File = "quiz/sagemaker.md";

    private const string SingleAnswer = """
        # SageMaker questions

        ## sm-spot-checkpoints
        Section: sagemaker#training
        Tags: #Exam-Tip, cost

        A team retrains a model every week and can accept interruptions.
        Which option costs **least**?

        - [ ] A larger on-demand instance
        - [x] Managed Spot Training with checkpoints in S3
        - [ ] Serverless Inference

        Explanation: Spot capacity is cheaper, and checkpoints
        let an interrupted job resume.
        """;

    private const string ChooseTwo = """
        ## sm-idle-cost
        Section: sagemaker#pricing-model

        Which TWO actions reduce idle cost? (Choose two.)

        * [X] Shut down idle Studio apps
        * [ ] Use larger instances
        * [x] Delete unused endpoints
        * [ ] Copy data to EBS

        Explanation: Idle instances are billed per second.
        """;

    /// <summary>A valid question to put after a malformed one: it must still be read.</summary>
    private const string Next = """
        ## next-question
        Section: sagemaker#deployment

        Which option hosts many small models on one endpoint?

        - [x] A multi-model endpoint
        - [ ] Batch transform

        Explanation: Models are loaded on demand.
        """;

    private static QuestionFile Parse(string text) => QuestionBankParser.Parse(File, text);

    [Fact]
    public void A_single_answer_question_is_read_whole()
    {
        var question = Assert.Single(Parse(SingleAnswer).Questions);

        Assert.Equal("sm-spot-checkpoints", question.Id);
        Assert.Equal(("sagemaker", "training"), (question.Note, question.Anchor));
        Assert.Equal(QuestionSource.Authored, question.Source);
        Assert.Equal(["exam-tip", "cost"], question.Tags);
        Assert.Equal("A team retrains a model every week and can accept interruptions.\nWhich option costs **least**?", question.Prompt);
        Assert.Contains("<strong>least</strong>", question.PromptHtml);
        Assert.Equal(["A larger on-demand instance", "Managed Spot Training with checkpoints in S3", "Serverless Inference"], question.Options);
        Assert.Equal([1], question.Answers);
        Assert.False(question.IsMultipleChoice);
        Assert.Equal("Spot capacity is cheaper, and checkpoints\nlet an interrupted job resume.", question.Explanation);
        Assert.StartsWith("<p>Spot capacity is cheaper", question.ExplanationHtml);
        Assert.Equal((File, 3), (question.File, question.Line));
    }

    [Fact]
    public void A_choose_two_question_has_two_answers()
    {
        var parsed = Parse(ChooseTwo);

        Assert.Empty(parsed.Problems);
        var question = Assert.Single(parsed.Questions);
        Assert.Equal([0, 2], question.Answers);
        Assert.True(question.IsMultipleChoice);
        Assert.Empty(question.Tags);
    }

    [Fact]
    public void A_file_of_several_questions_reads_them_in_order()
    {
        var parsed = Parse(SingleAnswer + "\n\n" + ChooseTwo + "\n" + Next);

        Assert.Empty(parsed.Problems);
        Assert.Equal(["sm-spot-checkpoints", "sm-idle-cost", "next-question"], parsed.Questions.Select(q => q.Id));
    }

    public static TheoryData<string, string, int, string> Malformed => new()
    {
        // name, the malformed question, the line its problem is reported on, a word the message must contain
        { "no section", "## q-bad\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 1, "Section" },
        { "section without anchor", "## q-bad\nSection: sagemaker\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 2, "anchor" },
        { "no correct option", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [ ] A\n- [ ] B\n", 6, "correct" },
        { "one option", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x] A\n", 6, "at least two" },
        { "duplicate option", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x] Spot\n- [ ] Pipe\n- [ ] spot \n", 8, "twice" },
        { "empty prompt", "## q-bad\nSection: sagemaker#training\n\n- [x] A\n- [ ] B\n", 1, "prompt" },
        { "bad id", "## Q_Bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 1, "id" },
        { "reserved id", "## gen-0123456789ab\nSection: sagemaker#training\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 1, "generated" },
        { "bad tag", "## q-bad\nSection: sagemaker#training\nTags: ok, not/ok\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 3, "tag" },
        { "every option correct", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x] A\n- [x] B\n", 6, "wrong option" },
        { "option without text", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x]\n- [ ] B\n- [ ] C\n", 6, "no text" },
        { "section twice", "## q-bad\nSection: sagemaker#training\nSection: sagemaker#deployment\n\nPrompt?\n\n- [x] A\n- [ ] B\n", 3, "twice" },
        { "text after options", "## q-bad\nSection: sagemaker#training\n\nPrompt?\n\n- [x] A\n- [ ] B\nStray text\n", 8, "Explanation" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_question_is_reported_on_its_line_and_skipped(string name, string malformed, int line, string word)
    {
        var parsed = Parse(malformed + "\n" + Next);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((File, line), (problem.Path, problem.Line));
        Assert.Contains(word, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(Assert.Single(parsed.Questions).Id == "next-question", $"{name}: the next question was not read");
    }

    [Fact]
    public void A_repeated_id_is_reported_and_the_first_question_kept()
    {
        var parsed = Parse(Next + "\n" + Next.Replace("Which option", "Which service", StringComparison.Ordinal));

        var question = Assert.Single(parsed.Questions);
        Assert.Equal(1, question.Line);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(10, problem.Line);
        Assert.Contains("already used by the question on line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_before_the_first_question_other_than_a_title_is_reported()
    {
        var parsed = Parse("# Title\n\nStray line\n\n" + Next);

        Assert.Equal(3, Assert.Single(parsed.Problems).Line);
        Assert.Single(parsed.Questions);
    }

    [Fact]
    public void Hashes_inside_a_fenced_code_block_do_not_start_a_question()
    {
        var parsed = Parse("## q-code\nSection: sagemaker#training\n\nWhat does this print?\n\n```python\n## a comment\nprint(1)\n```\n\n- [x] 1\n- [ ] 2\n");

        Assert.Empty(parsed.Problems);
        var question = Assert.Single(parsed.Questions);
        Assert.Contains("## a comment", question.Prompt, StringComparison.Ordinal);
        Assert.Contains("<pre><code class=\"language-python\">", question.PromptHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var question = Assert.Single(Parse(SingleAnswer.Replace("\n", "\r\n")).Questions);

        Assert.Equal(["A larger on-demand instance", "Managed Spot Training with checkpoints in S3", "Serverless Inference"], question.Options);
        Assert.DoesNotContain('\r', question.Prompt);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x][evil]\n\n[evil]: javascript:alert(1)")]
    public void Script_in_a_prompt_or_explanation_never_reaches_the_page(string markdown)
    {
        var text = $"## q-xss\nSection: sagemaker#training\n\nPrompt {markdown}\n\n- [x] A\n- [ ] B\n\nExplanation: See {markdown}\n";

        var question = Assert.Single(Parse(text).Questions);

        foreach (var html in new[] { question.PromptHtml, question.ExplanationHtml })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"(href|src)\s*=\s*""\s*(javascript|data|vbscript)", RegexOptions.IgnoreCase), html);
        }
    }

    [Fact]
    public void Safe_links_in_a_prompt_are_kept()
    {
        var text = "## q-link\nSection: sagemaker#training\n\nSee [the docs](https://docs.aws.amazon.com/sagemaker/).\n\n- [x] A\n- [ ] B\n";

        var question = Assert.Single(Parse(text).Questions);

        Assert.Contains("<a href=\"https://docs.aws.amazon.com/sagemaker/\">the docs</a>", question.PromptHtml, StringComparison.Ordinal);
    }
}
