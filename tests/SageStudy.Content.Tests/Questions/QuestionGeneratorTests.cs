using System.Security.Cryptography;
using System.Text;
using SageStudy.Content.Questions;

namespace SageStudy.Content.Tests.Questions;

/// <summary>Questions generated from term lists and tagged blocks: unambiguous, stable and repeatable.</summary>
public class QuestionGeneratorTests
{
    private static readonly string SeedMarkdown =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-sagemaker.md"));

    private static Note Parse(string markdown, string path = "sagemaker") =>
        new NoteParser().Parse(path, markdown, "hash", _ => true).Note;

    private static IReadOnlyList<Question> Generate(string markdown) => QuestionGenerator.Generate(Parse(markdown));

    private static List<Question> AlgorithmQuestions(IReadOnlyList<Question> questions) =>
        questions.Where(q => q.Anchor == "built-in-algorithms").ToList();

    private static string TermList(params string[] items) =>
        "# Note\n\n## Services\n" + string.Concat(items.Select(i => $"- {i}\n"));

    [Fact]
    public void The_built_in_algorithms_list_gives_ten_questions_each_way()
    {
        var questions = AlgorithmQuestions(Generate(SeedMarkdown));

        Assert.Equal(10, questions.Count(q => q.Prompt.StartsWith("Which fits:", StringComparison.Ordinal)));
        Assert.Equal(10, questions.Count(q => q.Prompt.StartsWith("Which describes", StringComparison.Ordinal)));
        Assert.Equal(20, questions.Count);
        Assert.Equal(20, questions.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void No_algorithm_question_is_ambiguous()
    {
        var list = Parse(SeedMarkdown).TermLists.Single(l => l.Anchor == "built-in-algorithms");

        foreach (var question in AlgorithmQuestions(Generate(SeedMarkdown)))
        {
            Assert.Equal(4, question.Options.Count);
            Assert.Equal(4, question.Options.Select(o => o.ToLowerInvariant()).Distinct().Count());
            var answer = question.Options[Assert.Single(question.Answers)];
            var pair = Assert.Single(list.Pairs, p => p.Term == answer || p.Description == answer);
            Assert.DoesNotContain(pair.Term, question.Prompt.Replace($"*{pair.Term}*", ""), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(QuestionSource.Generated, question.Source);
            Assert.Equal("sagemaker", question.Note);
            Assert.Null(question.File);
        }
    }

    [Fact]
    public void Time_series_forecasting_is_answered_by_DeepAR()
    {
        var question = Assert.Single(Generate(SeedMarkdown), q => q.Prompt == "Which fits: *Time series forecasting*?");

        Assert.Equal("DeepAR", question.Options[Assert.Single(question.Answers)]);
        Assert.Equal("<p>Which fits: <em>Time series forecasting</em>?</p>", question.PromptHtml.Trim());
        Assert.Equal("DeepAR: Time series forecasting", question.Explanation);
        Assert.Equal("built-in-algorithms", question.Anchor);
        Assert.Contains("exam-tip", question.Tags);
        var otherTerms = Parse(SeedMarkdown).TermLists.Single(l => l.Anchor == "built-in-algorithms").Pairs.Select(p => p.Term);
        Assert.All(question.Options, o => Assert.Contains(o, otherTerms));
    }

    [Fact]
    public void Which_describes_DeepAR_offers_its_description_among_other_descriptions()
    {
        var question = Assert.Single(Generate(SeedMarkdown), q => q.Prompt == "Which describes *DeepAR*?");

        Assert.Equal("Time series forecasting", question.Options[Assert.Single(question.Answers)]);
        Assert.DoesNotContain("DeepAR", question.Options);
    }

    [Fact]
    public void Tagged_blocks_give_questions_with_other_blocks_as_distractors()
    {
        var questions = Generate(SeedMarkdown);
        var blockTerms = Parse(SeedMarkdown).Blocks.Select(b => b.Term).ToList();

        var spot = Assert.Single(questions, q => q.Prompt == "Which fits: *Up to 90% cost savings; Use checkpoints for interruption handling*?");
        Assert.Equal("Managed Spot Training", spot.Options[Assert.Single(spot.Answers)]);
        Assert.All(spot.Options, o => Assert.Contains(o, blockTerms));
        Assert.Equal("managed-spot-training", spot.Anchor);
        Assert.Equal(["exam-tip"], spot.Tags);
        Assert.Single(questions, q => q.Prompt == "Which describes *Managed Spot Training*?");
        Assert.Single(questions, q => q.Prompt == "Which describes *SageMaker Serverless Inference*?");
        Assert.DoesNotContain(questions, q => q.Prompt == "Which describes *Batch Transform*?");
    }

    [Fact]
    public void A_list_of_three_pairs_gives_no_questions()
    {
        var questions = Generate(TermList("**Athena** - SQL on S3", "**Glue** - Serverless ETL", "**EMR** - Managed Spark clusters"));

        Assert.Empty(questions);
    }

    [Fact]
    public void Items_that_share_a_description_are_not_asked_about()
    {
        var questions = Generate(TermList(
            "**Athena** - Query data",
            "**Redshift** - Query data",
            "**Glue** - Serverless ETL",
            "**EMR** - Managed Spark clusters",
            "**Kinesis** - Streaming ingestion"));

        Assert.Equal(6, questions.Count);
        Assert.DoesNotContain(questions, q => q.Prompt.Contains("Query data", StringComparison.Ordinal));
        Assert.DoesNotContain(questions, q => q.Prompt.Contains("Athena", StringComparison.Ordinal) || q.Prompt.Contains("Redshift", StringComparison.Ordinal));
        Assert.All(questions, q => Assert.Equal(q.Options.Count, q.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count()));
    }

    [Fact]
    public void An_item_whose_description_names_its_term_is_not_asked_about()
    {
        var questions = Generate(TermList(
            "**Spot** - Spot capacity at a discount",
            "**Hive** - Archive of query logs",
            "**Glue** - Serverless ETL",
            "**EMR** - Managed Spark clusters",
            "**Kinesis** - Streaming ingestion"));

        Assert.DoesNotContain(questions, q => q.Explanation.StartsWith("Spot:", StringComparison.Ordinal));
        // "Archive" is not the word "Hive": only a whole-word mention gives the answer away.
        Assert.Equal(2, questions.Count(q => q.Explanation.StartsWith("Hive:", StringComparison.Ordinal)));
        Assert.Equal(8, questions.Count);
    }

    [Fact]
    public void Ids_hash_the_note_path_direction_and_term()
    {
        var question = Assert.Single(Generate(SeedMarkdown), q => q.Prompt == "Which fits: *Time series forecasting*?");

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sagemaker\nterm\nDeepAR")));
        Assert.Equal("gen-" + hash[..12], question.Id);
        Assert.All(Generate(SeedMarkdown), q => Assert.Matches("^gen-[0-9a-f]{12}$", q.Id));
    }

    [Fact]
    public void Ids_survive_edits_elsewhere_in_the_note()
    {
        var edited = SeedMarkdown
            .Replace("## Overview\n", "## Overview\nA new opening paragraph.\n\n- **Extra** - An item in another list\n\n")
            .Replace("- Data labeling service", "- Data labeling service for images and text");

        Assert.NotEqual(SeedMarkdown, edited);
        Assert.Equal(
            AlgorithmQuestions(Generate(SeedMarkdown)).Select(q => q.Id),
            AlgorithmQuestions(Generate(edited)).Select(q => q.Id));
    }

    [Fact]
    public void Ids_survive_renaming_the_section()
    {
        var renamed = SeedMarkdown.Replace("### Built-in Algorithms `#exam-tip`", "### Algorithms Shipped With SageMaker `#exam-tip`");

        var before = AlgorithmQuestions(Generate(SeedMarkdown));
        var after = Generate(renamed).Where(q => q.Anchor == "algorithms-shipped-with-sagemaker").ToList();

        Assert.Equal(20, after.Count);
        Assert.Equal(before.Select(q => q.Id), after.Select(q => q.Id));
    }

    [Fact]
    public void Two_generations_show_the_same_options_in_the_same_order()
    {
        var first = Generate(SeedMarkdown);
        var second = Generate(SeedMarkdown);

        Assert.Equal(first.Count, second.Count);
        foreach (var (a, b) in first.Zip(second))
        {
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Options, b.Options);
            Assert.Equal(a.Answers, b.Answers);
        }
    }

    [Fact]
    public void Options_are_shuffled_so_the_answer_is_not_always_in_one_place()
    {
        var answerPositions = AlgorithmQuestions(Generate(SeedMarkdown)).Select(q => q.Answers[0]).Distinct().Count();

        Assert.True(answerPositions > 1, "every answer was at the same position");
    }

    [Fact]
    public void Text_from_a_note_renders_literally_in_the_prompt()
    {
        var questions = Generate(TermList(
            "**Product** - Multiplies 2 \\* 3 in `a*b` form <script>alert(1)</script>",
            "**Glue** - Serverless ETL",
            "**EMR** - Managed Spark clusters",
            "**Kinesis** - Streaming ingestion"));

        var question = Assert.Single(questions, q => q.Prompt.StartsWith("Which fits: *Multiplies", StringComparison.Ordinal));
        Assert.Equal("<p>Which fits: <em>Multiplies 2 * 3 in a*b form &lt;script&gt;alert(1)&lt;/script&gt;</em>?</p>", question.PromptHtml.Trim());
    }
}
