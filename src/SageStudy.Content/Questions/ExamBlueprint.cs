using System.Text.Json;

namespace SageStudy.Content.Questions;

/// <summary>One exam domain: its share of the exam (relative to the other weights) and the notes that teach it.</summary>
public sealed record ExamDomain(string Name, int Weight, IReadOnlyList<string> Notes);

/// <summary>
/// The exam's domains and weights, read from <c>exam-domains.json</c>, so a practice exam
/// asks about each domain as often as the real one does.
/// </summary>
public sealed class ExamBlueprint
{
    public static readonly ExamBlueprint Empty = new([]);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Each listed note's domain, as an index into <see cref="Domains"/>.</summary>
    private readonly Dictionary<string, int> _domainOfNote;

    /// <exception cref="ArgumentException">A domain has no name or no positive weight, or a note is in two domains.</exception>
    public ExamBlueprint(IReadOnlyList<ExamDomain> domains)
    {
        if (ProblemWith(domains) is { } problem)
        {
            throw new ArgumentException(problem, nameof(domains));
        }

        Domains = domains;
        _domainOfNote = domains
            .SelectMany((domain, index) => domain.Notes.Select(note => (note, index)))
            .ToDictionary(p => p.note, p => p.index, StringComparer.Ordinal);
    }

    public IReadOnlyList<ExamDomain> Domains { get; }

    /// <summary>
    /// Reads the blueprint. No file means no blueprint (draws are uniform) and is not a problem;
    /// a file that cannot be used is a problem and also gives the empty blueprint.
    /// </summary>
    public static ExamBlueprint Load(string jsonPath, out ContentProblem? problem)
    {
        problem = null;
        var name = Path.GetFileName(jsonPath);
        if (!File.Exists(jsonPath))
        {
            return Empty;
        }

        try
        {
            var file = JsonSerializer.Deserialize<BlueprintFile>(File.ReadAllText(jsonPath), JsonOptions);
            var domains = (file?.Domains ?? []).Select(d => new ExamDomain(d.Name ?? "", d.Weight, d.Notes ?? [])).ToList();
            var invalid = domains.Count == 0
                ? "The file lists no domains; write {\"domains\": [{\"name\": ..., \"weight\": ..., \"notes\": [...]}]}."
                : ProblemWith(domains);
            if (invalid is null)
            {
                return new ExamBlueprint(domains);
            }

            problem = new ContentProblem(name, null, invalid);
        }
        catch (JsonException e)
        {
            problem = new ContentProblem(name, (int?)e.LineNumber + 1, $"The file is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ContentProblem(name, null, $"The file cannot be read: {e.Message}");
        }

        return Empty;
    }

    /// <summary>The name of the domain a note belongs to, or null when no domain lists it.</summary>
    public string? DomainOf(string notePath) =>
        _domainOfNote.TryGetValue(notePath, out var index) ? Domains[index].Name : null;

    /// <summary>
    /// Picks <paramref name="count"/> distinct questions (fewer if the pool is smaller), shared out
    /// between domains by largest-remainder apportionment of their weights. A domain with too few
    /// questions gives its shortfall to the others in proportion; questions from notes in no domain
    /// are used only when the domains run out. The result is shuffled.
    /// </summary>
    public IReadOnlyList<Question> Draw(IReadOnlyList<Question> pool, int count, Random random)
    {
        var byDomain = Domains.Select(_ => new List<Question>()).ToArray();
        var unmapped = new List<Question>();
        foreach (var question in pool.DistinctBy(q => q.Id))
        {
            (_domainOfNote.TryGetValue(question.Note, out var index) ? byDomain[index] : unmapped).Add(question);
        }

        var quotas = Apportion(byDomain.Select(q => q.Count).ToArray(), count);
        var drawn = new List<Question>();
        for (var i = 0; i < byDomain.Length; i++)
        {
            drawn.AddRange(Pick(byDomain[i], quotas[i], random));
        }

        drawn.AddRange(Pick(unmapped, count - drawn.Count, random));
        var result = drawn.ToArray();
        random.Shuffle(result);
        return result;
    }

    /// <summary>How many questions each domain gives: never more than it has, at most <paramref name="count"/> in all.</summary>
    private int[] Apportion(int[] available, int count)
    {
        var quotas = new int[available.Length];
        var remaining = Math.Clamp(count, 0, available.Sum());
        while (remaining > 0)
        {
            // Each round shares out what is left among domains with questions to spare, so a
            // domain that runs short passes its shortfall on to the others by their weights.
            var open = Enumerable.Range(0, available.Length).Where(i => quotas[i] < available[i]).ToList();
            var shares = LargestRemainder(open.Select(i => Domains[i].Weight).ToList(), remaining);
            for (var k = 0; k < open.Count; k++)
            {
                var given = Math.Min(shares[k], available[open[k]] - quotas[open[k]]);
                quotas[open[k]] += given;
                remaining -= given;
            }
        }

        return quotas;
    }

    /// <summary>Splits <paramref name="seats"/> by weight: whole shares first, then one more each to the largest remainders.</summary>
    private static int[] LargestRemainder(List<int> weights, int seats)
    {
        var total = weights.Sum(w => (long)w);
        var shares = weights.Select(w => (int)(seats * (long)w / total)).ToArray();
        var byRemainder = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => seats * (long)weights[i] % total)
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i);
        foreach (var i in byRemainder.Take(seats - shares.Sum()))
        {
            shares[i]++;
        }

        return shares;
    }

    private static IEnumerable<Question> Pick(List<Question> questions, int count, Random random)
    {
        var shuffled = questions.ToArray();
        random.Shuffle(shuffled);
        return shuffled.Take(Math.Max(count, 0));
    }

    private static string? ProblemWith(IReadOnlyList<ExamDomain> domains)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var domain in domains)
        {
            if (string.IsNullOrWhiteSpace(domain.Name))
            {
                return "Every domain needs a name.";
            }

            if (domain.Weight <= 0)
            {
                return $"The domain '{domain.Name}' has weight {domain.Weight}; weights must be positive.";
            }

            foreach (var note in domain.Notes)
            {
                if (!seen.TryAdd(note, domain.Name))
                {
                    return $"The note '{note}' is in both '{seen[note]}' and '{domain.Name}'; a note belongs to one domain.";
                }
            }
        }

        return null;
    }

    private sealed record BlueprintFile(List<BlueprintDomain>? Domains);

    private sealed record BlueprintDomain(string? Name, int Weight, List<string>? Notes);
}
