using SageStudy.Content.Questions;

namespace SageStudy.Content.Tests.Questions;

/// <summary>Exam draws follow the domain weights, fill short domains from the others and never repeat a question.</summary>
public sealed class ExamBlueprintTests : IDisposable
{
    private static readonly ExamBlueprint Blueprint = new(
    [
        new ExamDomain("Data", 28, ["data/data-preparation"]),
        new ExamDomain("Modeling", 26, ["training/model-training-evaluation", "sagemaker"]),
        new ExamDomain("Deployment", 22, ["mlops/mlops-deployment"]),
        new ExamDomain("Monitoring", 24, ["security/monitoring-security"]),
    ]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sagestudy-blueprint-" + Guid.NewGuid().ToString("N"));

    public ExamBlueprintTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Question Question(string note, int number) => new()
    {
        Id = $"{note}-{number}",
        Note = note,
        Anchor = "",
        Source = QuestionSource.Authored,
        Text = new WrittenQuestionText("Prompt", "<p>Prompt</p>", "", ""),
        Options = ["A", "B"],
        Answers = [0],
        Tags = [],
    };

    private static List<Question> Pool(params (string Note, int Count)[] notes) =>
        notes.SelectMany(n => Enumerable.Range(1, n.Count).Select(i => Question(n.Note, i))).ToList();

    private static Dictionary<string, int> CountByDomain(ExamBlueprint blueprint, IEnumerable<Question> drawn) =>
        drawn.GroupBy(q => blueprint.DomainOf(q.Note) ?? "(none)").ToDictionary(g => g.Key, g => g.Count());

    private static List<Question> PlentyPerDomain() => Pool(
        ("data/data-preparation", 30),
        ("training/model-training-evaluation", 15),
        ("sagemaker", 15),
        ("mlops/mlops-deployment", 30),
        ("security/monitoring-security", 30));

    [Fact]
    public void Fifty_questions_split_by_weight()
    {
        var drawn = Blueprint.Draw(PlentyPerDomain(), 50, new Random(7));

        Assert.Equal(
            new Dictionary<string, int> { ["Data"] = 14, ["Modeling"] = 13, ["Deployment"] = 11, ["Monitoring"] = 12 },
            CountByDomain(Blueprint, drawn));
    }

    [Fact]
    public void Largest_remainders_get_the_seats_left_over()
    {
        // 10 seats: exact shares 2.8, 2.6, 2.2, 2.4 give 2 each, and the two largest remainders one more.
        var drawn = Blueprint.Draw(PlentyPerDomain(), 10, new Random(7));

        Assert.Equal(
            new Dictionary<string, int> { ["Data"] = 3, ["Modeling"] = 3, ["Deployment"] = 2, ["Monitoring"] = 2 },
            CountByDomain(Blueprint, drawn));
    }

    [Fact]
    public void Draws_are_distinct_and_from_the_pool()
    {
        var pool = PlentyPerDomain();

        for (var seed = 0; seed < 20; seed++)
        {
            var drawn = Blueprint.Draw(pool, 50, new Random(seed));

            Assert.Equal(50, drawn.Count);
            Assert.Equal(50, drawn.Select(q => q.Id).Distinct().Count());
            Assert.All(drawn, q => Assert.Contains(q, pool));
        }
    }

    [Fact]
    public void Draws_are_shuffled_not_grouped_by_domain()
    {
        var drawn = Blueprint.Draw(PlentyPerDomain(), 50, new Random(7));

        var domainChanges = drawn.Zip(drawn.Skip(1)).Count(p => Blueprint.DomainOf(p.First.Note) != Blueprint.DomainOf(p.Second.Note));
        Assert.True(domainChanges > 10, $"only {domainChanges} changes of domain in 50 questions");
    }

    [Fact]
    public void A_short_domain_is_filled_from_the_others_by_weight()
    {
        var pool = Pool(
            ("data/data-preparation", 5),
            ("sagemaker", 30),
            ("mlops/mlops-deployment", 30),
            ("security/monitoring-security", 30));

        var drawn = Blueprint.Draw(pool, 50, new Random(7));

        // Data gives all 5 of its 14; the 9 left split 26:22:24 as 3.25, 2.75, 3.0, i.e. 3, 3, 3.
        Assert.Equal(
            new Dictionary<string, int> { ["Data"] = 5, ["Modeling"] = 16, ["Deployment"] = 14, ["Monitoring"] = 15 },
            CountByDomain(Blueprint, drawn));
    }

    [Fact]
    public void A_domain_without_questions_leaves_its_share_to_the_others()
    {
        var pool = Pool(("sagemaker", 30), ("mlops/mlops-deployment", 30), ("security/monitoring-security", 30));

        var drawn = Blueprint.Draw(pool, 36, new Random(7));

        // 36 seats over 26:22:24 (72) are exactly 13, 11 and 12.
        Assert.Equal(
            new Dictionary<string, int> { ["Modeling"] = 13, ["Deployment"] = 11, ["Monitoring"] = 12 },
            CountByDomain(Blueprint, drawn));
    }

    [Fact]
    public void Questions_from_unmapped_notes_are_used_only_when_the_domains_run_out()
    {
        var pool = Pool(("data/data-preparation", 4), ("sagemaker", 4), ("extra/unmapped", 10));

        Assert.DoesNotContain(Blueprint.Draw(pool, 8, new Random(7)), q => q.Note == "extra/unmapped");

        var drawn = Blueprint.Draw(pool, 12, new Random(7));
        Assert.Equal(4, drawn.Count(q => q.Note == "extra/unmapped"));
        Assert.Equal(12, drawn.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void Asking_for_more_than_the_pool_gives_the_whole_pool()
    {
        var pool = Pool(("data/data-preparation", 3), ("extra/unmapped", 2));

        var drawn = Blueprint.Draw(pool, 50, new Random(7));

        Assert.Equal(pool.Select(q => q.Id).Order(), drawn.Select(q => q.Id).Order());
    }

    [Fact]
    public void Without_a_blueprint_every_question_can_be_drawn()
    {
        var pool = Pool(("data/data-preparation", 2), ("sagemaker", 2), ("extra/unmapped", 2));
        var random = new Random(7);

        var seen = Enumerable.Range(0, 200).SelectMany(_ => ExamBlueprint.Empty.Draw(pool, 2, random)).Select(q => q.Id).ToHashSet();

        Assert.Equal(pool.Select(q => q.Id).ToHashSet(), seen);
        Assert.Equal(2, ExamBlueprint.Empty.Draw(pool, 2, random).Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void DomainOf_names_the_domain_listing_the_note()
    {
        Assert.Equal("Modeling", Blueprint.DomainOf("sagemaker"));
        Assert.Equal("Data", Blueprint.DomainOf("data/data-preparation"));
        Assert.Null(Blueprint.DomainOf("extra/unmapped"));
        Assert.Null(ExamBlueprint.Empty.DomainOf("sagemaker"));
    }

    [Fact]
    public void Load_reads_the_domains_file()
    {
        var path = Path.Combine(_folder, "exam-domains.json");
        File.WriteAllText(path, """
            {
              "domains": [
                { "name": "Data Preparation for Machine Learning", "weight": 28, "notes": ["data/data-preparation"] },
                { "name": "ML Model Development", "weight": 26, "notes": ["training/model-training-evaluation", "sagemaker"] }
              ]
            }
            """);

        var blueprint = ExamBlueprint.Load(path, out var problem);

        Assert.Null(problem);
        Assert.Equal([("Data Preparation for Machine Learning", 28), ("ML Model Development", 26)], blueprint.Domains.Select(d => (d.Name, d.Weight)));
        Assert.Equal("ML Model Development", blueprint.DomainOf("sagemaker"));
    }

    [Fact]
    public void A_missing_file_is_an_empty_blueprint_and_no_problem()
    {
        var blueprint = ExamBlueprint.Load(Path.Combine(_folder, "exam-domains.json"), out var problem);

        Assert.Null(problem);
        Assert.Empty(blueprint.Domains);
    }

    [Theory]
    [InlineData("{ \"domains\": [ { \"name\": \"Data\", \"weight\": 28, ", 1, "JSON")]
    [InlineData("{\n  \"domains\": [\n    { \"name\": \"Data\" \"weight\": 28 }\n  ]\n}", 3, "JSON")]
    [InlineData("{ \"domains\": [ { \"name\": \"Data\", \"weight\": 0, \"notes\": [] } ] }", null, "positive")]
    [InlineData("{ \"domains\": [ { \"name\": \"Data\", \"weight\": -5, \"notes\": [] } ] }", null, "positive")]
    [InlineData("{ \"domains\": [ { \"name\": \"Data\", \"notes\": [] } ] }", null, "positive")]
    [InlineData("{ \"domains\": [] }", null, "no domains")]
    [InlineData("{ \"domains\": [ { \"name\": \"A\", \"weight\": 1, \"notes\": [\"x\"] }, { \"name\": \"B\", \"weight\": 1, \"notes\": [\"x\"] } ] }", null, "both")]
    public void A_bad_file_is_a_problem_and_an_empty_blueprint(string json, int? line, string word)
    {
        var path = Path.Combine(_folder, "exam-domains.json");
        File.WriteAllText(path, json);

        var blueprint = ExamBlueprint.Load(path, out var problem);

        Assert.Empty(blueprint.Domains);
        Assert.NotNull(problem);
        Assert.Equal(("exam-domains.json", line), (problem.Path, problem.Line));
        Assert.Contains(word, problem.Message, StringComparison.Ordinal);
    }
}
