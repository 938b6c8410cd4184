using SageStudy.Content.Questions;

namespace SageStudy.Content.Tests.Questions;

/// <summary>The bank built from a small content folder written to a temp directory per test.</summary>
public sealed class QuestionBankBuilderTests : IDisposable
{
    private const string Note = """
        # Amazon SageMaker

        ## Training

        **Managed Spot Training** `#exam-tip`
        - Up to 90% cost savings

        ## Built-in Algorithms
        - **XGBoost** - Gradient boosted trees
        - **K-Means** - Clustering
        - **PCA** - Dimensionality reduction
        - **DeepAR** - Time series forecasting
        - **BlazingText** - Word embeddings `#gotcha`

        ## Deployment

        **Batch Transform**
        - Offline predictions on large datasets

        **Endpoints**
        - Real-time inference

        **Inference Pipelines**
        - Chain preprocessing and prediction
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sagestudy-bank-" + Guid.NewGuid().ToString("N"));

    public QuestionBankBuilderTests()
    {
        Write("sagemaker.md", Note);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    private void Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string Question(string id, string section, string answer = "Spot") =>
        $"## {id}\nSection: {section}\n\nWhich option saves the most?\n\n- [x] {answer}\n- [ ] On-demand\n\nExplanation: Spot is cheaper.\n";

    private ContentSnapshot Snapshot()
    {
        var scan = new ContentScanner(_root, questionFolder: "quiz").Scan();
        var paths = scan.Files.Select(f => f.Path).ToHashSet();
        var parser = new NoteParser();
        return new ContentSnapshot(scan.Files.Select(f => parser.Parse(f.Path, f.Text, f.Hash, paths.Contains).Note), scan.Problems, DateTimeOffset.UnixEpoch);
    }

    private QuestionBank Build(string? questionFolder = "quiz") => QuestionBankBuilder.Build(Snapshot(), _root, questionFolder);

    [Fact]
    public void Authored_questions_come_first_then_generated_ones()
    {
        Write("quiz/sagemaker.md", "# Questions\n\n" + Question("sm-spot", "sagemaker#training"));

        var bank = Build();

        Assert.Empty(bank.Problems);
        Assert.Equal("sm-spot", bank.All[0].Id);
        Assert.Equal(("quiz/sagemaker.md", 3), (bank.All[0].File, bank.All[0].Line));
        Assert.Equal(QuestionSource.Authored, bank.All[0].Source);
        Assert.All(bank.All.Skip(1), q => Assert.Equal(QuestionSource.Generated, q.Source));
        // Ten from the algorithms list, two from the one tagged block.
        Assert.Equal(10 + 2, bank.All.Count(q => q.Source == QuestionSource.Generated));
        Assert.Same(bank.All[0], bank.Find("sm-spot"));
        Assert.Same(bank.All[5], bank.Find(bank.All[5].Id));
        Assert.Null(bank.Find("no-such-question"));
    }

    [Fact]
    public void The_quiz_folder_is_not_read_as_notes()
    {
        Write("quiz/sagemaker.md", Question("sm-spot", "sagemaker#training"));

        Assert.Equal(["sagemaker"], Snapshot().Notes.Select(n => n.Path));
    }

    [Fact]
    public void An_unknown_anchor_is_reported_with_file_and_line()
    {
        Write("quiz/sagemaker.md", Question("sm-good", "sagemaker#training") + "\n" + Question("sm-typo", "sagemaker#trainnig"));

        var bank = Build();

        var problem = Assert.Single(bank.Problems);
        Assert.Equal(("quiz/sagemaker.md", 11), (problem.Path, problem.Line));
        Assert.Contains("unknown anchor", problem.Message, StringComparison.Ordinal);
        Assert.Contains("#trainnig", problem.Message, StringComparison.Ordinal);
        Assert.Null(bank.Find("sm-typo"));
        Assert.NotNull(bank.Find("sm-good"));
    }

    [Fact]
    public void An_unknown_note_is_reported()
    {
        Write("quiz/sagemaker.md", Question("sm-lost", "sagemkr#training"));

        var bank = Build();

        var problem = Assert.Single(bank.Problems);
        Assert.Equal(("quiz/sagemaker.md", 1), (problem.Path, problem.Line));
        Assert.Contains("unknown note", problem.Message, StringComparison.Ordinal);
        Assert.Null(bank.Find("sm-lost"));
    }

    [Fact]
    public void A_tagged_unit_anchor_is_a_section_to_re_read()
    {
        Write("quiz/sagemaker.md", Question("sm-block", "sagemaker#managed-spot-training"));

        var bank = Build();

        Assert.Empty(bank.Problems);
        Assert.Equal("managed-spot-training", bank.Find("sm-block")?.Anchor);
    }

    [Fact]
    public void A_duplicate_id_across_files_is_reported_in_the_later_file()
    {
        Write("quiz/a.md", Question("sm-spot", "sagemaker#training", answer: "From a"));
        Write("quiz/b.md", "\n" + Question("sm-spot", "sagemaker#training", answer: "From b"));

        var bank = Build();

        var problem = Assert.Single(bank.Problems);
        Assert.Equal(("quiz/b.md", 2), (problem.Path, problem.Line));
        Assert.Contains("already used in quiz/a.md:1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("From a", bank.Find("sm-spot")!.Options);
    }

    [Fact]
    public void Subfolders_are_read_and_hidden_files_skipped()
    {
        Write("quiz/deep/more.md", Question("sm-deep", "sagemaker#training"));
        Write("quiz/.draft.md", Question("sm-draft", "sagemaker#training"));
        Write("quiz/.drafts/other.md", Question("sm-hidden-folder", "sagemaker#training"));
        Write("quiz/notes.txt", Question("sm-text", "sagemaker#training"));

        var bank = Build();

        Assert.Empty(bank.Problems);
        Assert.Equal(["sm-deep"], bank.All.Where(q => q.Source == QuestionSource.Authored).Select(q => q.Id));
        Assert.Equal("quiz/deep/more.md", bank.Find("sm-deep")?.File);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_a_problem_not_an_exception()
    {
        Write("quiz/latin1.md", [0x23, 0x23, 0x20, 0x71, 0xE9, 0xFF, 0x0A]);
        Write("quiz/sagemaker.md", Question("sm-spot", "sagemaker#training"));

        var bank = Build();

        var problem = Assert.Single(bank.Problems);
        Assert.Equal("quiz/latin1.md", problem.Path);
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(bank.Find("sm-spot"));
    }

    [Fact]
    public void Parse_problems_carry_the_content_relative_path()
    {
        Write("quiz/sagemaker.md", "## sm-broken\nSection: sagemaker#training\n\nPrompt?\n\n- [ ] A\n- [ ] B\n");

        var problem = Assert.Single(Build().Problems);

        Assert.Equal(("quiz/sagemaker.md", 6), (problem.Path, problem.Line));
    }

    [Fact]
    public void Without_a_question_folder_only_generated_questions_are_built()
    {
        Write("quiz/sagemaker.md", Question("sm-spot", "sagemaker#training"));

        var withoutFolder = Build(questionFolder: null);
        var missingFolder = Build(questionFolder: "no-such-folder");

        Assert.Empty(withoutFolder.Problems);
        Assert.Empty(missingFolder.Problems);
        Assert.All(withoutFolder.All, q => Assert.Equal(QuestionSource.Generated, q.Source));
        Assert.Equal(12, withoutFolder.All.Count);
        Assert.Equal(withoutFolder.All.Select(q => q.Id), missingFolder.All.Select(q => q.Id));
    }

    [Fact]
    public void The_empty_bank_has_nothing()
    {
        Assert.Empty(QuestionBank.Empty.All);
        Assert.Empty(QuestionBank.Empty.Problems);
        Assert.Null(QuestionBank.Empty.Find("sm-spot"));
    }
}
