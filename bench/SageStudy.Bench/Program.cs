using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using SageStudy.Bench;

// The benchmark's helper, driven by bench/run.sh. Each command prints its figures as
// "RESULT key=value" lines, which the script reads; everything else is progress for people.
//
//   generate   --count N --seed S --notes DIR [--hugo DIR]
//   sequential --base URL --path P [--requests 200] [--warmup 20] [--cookie-file F]
//   answers    --base URL [--learners 32] [--seconds 20] [--questions 100]
//   phases     --notes DIR [--rounds 3]
//   heavy      --base URL --db FILE [--answers 10000] [--questions 500] [--requests 200] [--cookie-file F]
//   smoke      --base URL   (every page and API endpoint once, and one learner's quiz; exit code 1 on a failure)

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: SageStudy.Bench generate|sequential|answers|heavy|phases|smoke [--option value]...");
    return 2;
}

var options = Options.Parse(args.Skip(1));
try
{
    return args[0] switch
    {
        "generate" => Commands.Generate(options),
        "sequential" => await Commands.SequentialAsync(options),
        "answers" => await Commands.AnswersAsync(options),
        "heavy" => await Commands.HeavyAsync(options),
        "phases" => Phases.Run(options),
        "smoke" => await Smoke.RunAsync(options.Base),
        _ => throw new ArgumentException($"unknown command '{args[0]}'"),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or HttpRequestException or SqliteException or IOException)
{
    Console.Error.WriteLine($"SageStudy.Bench {args[0]}: {e.Message}");
    return 1;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                values[key] = "true";
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
        }

        return new Options(values);
    }

    public string Text(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

    public string? Maybe(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public Uri Base => new(Text("base"));
}

internal static class Commands
{
    public static int Generate(Options options)
    {
        var started = Stopwatch.GetTimestamp();
        var generator = new NoteGenerator(options.Int("count", 1000), options.Int("seed", 20261126));
        var result = generator.Write(Path.GetFullPath(options.Text("notes")), options.Maybe("hugo") is { } hugo ? Path.GetFullPath(hugo) : null);
        Console.Error.WriteLine($"generated {result.Notes} notes ({result.Bytes / 1024} KiB, {result.TermPairs} term pairs) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        Result("notes", result.Notes);
        Result("bytes", result.Bytes);
        Result("term_pairs", result.TermPairs);
        Result("common_word", result.CommonWord);
        Result("rare_word", result.RareWord);
        Result("sample_note", result.SampleNote);
        return 0;
    }

    /// <summary>One request at a time, so the latency is the server's time plus loopback, without queueing.</summary>
    public static async Task<int> SequentialAsync(Options options)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = options.Base };
        var path = options.Text("path");
        var cookie = options.Maybe("cookie-file") is { } file ? File.ReadAllText(file).Trim() : null;
        var statuses = new Dictionary<int, int>();
        var samples = new Samples();
        long bytes = 0;
        var warmup = options.Int("warmup", 20);
        var requests = options.Int("requests", 200);
        for (var i = 0; i < warmup + requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= warmup)
            {
                samples.Add(elapsed);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                bytes = body.Length;
            }
        }

        Result("status", string.Join(",", statuses.Select(s => $"{s.Key}x{s.Value}")));
        Result("ok", statuses.Where(s => s.Key == 200).Sum(s => s.Value) == requests ? 1 : 0);
        Result("bytes", bytes);
        Latencies("", samples);
        return 0;
    }

    /// <summary>
    /// Learners answering at once: each registers, starts a 100-question practice quiz over all
    /// notes through the /quiz form, then all post answers as fast as they get responses. A
    /// learner who reaches the end of a quiz starts another (not counted as an answer).
    /// </summary>
    public static async Task<int> AnswersAsync(Options options)
    {
        var count = options.Int("learners", 32);
        var seconds = options.Int("seconds", 20);
        var questions = options.Int("questions", 100);
        var run = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);

        Console.Error.WriteLine($"registering {count} learners and starting their quizzes");
        var learners = new List<(Learner Learner, string Token)>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(4))
        {
            learners.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                var learner = await Learner.RegisterAsync(options.Base, $"learner{i}-{run}@bench.test");
                return (learner, await learner.TokenAsync("/quiz"));
            })));
        }

        var quizzes = await Task.WhenAll(learners.Select(l => l.Learner.StartQuizAsync(l.Token, "all", questions)));

        // A few answers each first, so the timed run does not include the first requests' warm-up.
        var positions = new int[count];
        await Task.WhenAll(learners.Select(async (l, i) =>
        {
            for (var p = 1; p <= 3; p++)
            {
                await l.Learner.AnswerAsync(l.Token, quizzes[i], ++positions[i]);
            }
        }));

        Console.Error.WriteLine($"{count} learners answering for {seconds} s");
        var samples = new Samples[count];
        var recorded = new int[count];
        var failed = new int[count];
        var restarts = new int[count];
        var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(learners.Select((l, i) => Task.Run(async () =>
        {
            samples[i] = new Samples();
            while (Stopwatch.GetTimestamp() < stop)
            {
                if (positions[i] >= questions)
                {
                    quizzes[i] = await l.Learner.StartQuizAsync(l.Token, "all", questions);
                    positions[i] = 0;
                    restarts[i]++;
                }

                var (status, ms) = await l.Learner.AnswerAsync(l.Token, quizzes[i], ++positions[i]);
                samples[i].Add(ms);
                if (status == HttpStatusCode.Redirect)
                {
                    recorded[i]++;
                }
                else
                {
                    failed[i]++;
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var merged = new Samples();
        foreach (var s in samples)
        {
            merged.AddRange(s.Values);
        }

        Result("learners", count);
        Result("seconds", Math.Round(elapsed, 2));
        Result("recorded", recorded.Sum());
        Result("failed", failed.Sum());
        Result("quizzes_started_during_run", restarts.Sum());
        Result("answers_per_s", Math.Round(recorded.Sum() / elapsed, 1));
        Latencies("", merged);
        foreach (var (learner, _) in learners)
        {
            learner.Dispose();
        }

        return failed.Sum() == 0 ? 0 : 1;
    }

    /// <summary>
    /// A learner with a long history: registers, gets <c>--answers</c> past answers over
    /// <c>--questions</c> questions written straight into the database, then times /progress
    /// and answer posts one at a time. Writes the learner's cookie for wrk.
    /// </summary>
    public static async Task<int> HeavyAsync(Options options)
    {
        var answers = options.Int("answers", 10000);
        var questionCount = options.Int("questions", 500);
        var requests = options.Int("requests", 200);
        var email = $"heavy-{DateTime.UtcNow.Ticks}@bench.test";
        using var learner = await Learner.RegisterAsync(options.Base, email);

        var inserted = await History.InsertAsync(options.Text("db"), email, answers, questionCount);
        Console.Error.WriteLine($"{email}: inserted {inserted.Answers} answers over {inserted.Questions} questions");
        if (options.Maybe("cookie-file") is { } cookieFile)
        {
            await File.WriteAllTextAsync(cookieFile, learner.CookieHeader());
        }

        // /progress and /api/progress, one request at a time.
        foreach (var (name, path) in new[] { ("progress", "/progress"), ("api_progress", "/api/progress") })
        {
            var samples = new Samples();
            string body = "";
            for (var i = 0; i < requests + 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await learner.Http.GetAsync(path);
                body = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} for the learner with history.");
                }

                if (i >= 20)
                {
                    samples.Add(ms);
                }
            }

            if (name == "progress")
            {
                // The page must show the whole history, else the figure would be for an empty report.
                Result("progress_shows_history", body.Contains($">{inserted.Answers}<", StringComparison.Ordinal) ? 1 : 0);
                Result("progress_bytes", body.Length);
            }

            Latencies(name + "_", samples);
        }

        // Answer posts, one at a time, into 100-question practice quizzes started through the form.
        var token = await learner.TokenAsync("/quiz");
        var answerSamples = new Samples();
        var quiz = 0;
        var position = 100;
        var redirects = 0;
        for (var i = 0; i < requests + 20; i++)
        {
            if (position >= 100)
            {
                quiz = await learner.StartQuizAsync(token, "all", 100);
                position = 0;
            }

            var (status, ms) = await learner.AnswerAsync(token, quiz, ++position);
            if (i >= 20)
            {
                answerSamples.Add(ms);
                redirects += status == HttpStatusCode.Redirect ? 1 : 0;
            }
        }

        Result("answer_recorded", redirects);
        Latencies("answer_", answerSamples);
        return redirects == requests ? 0 : 1;
    }

    private static void Latencies(string prefix, Samples samples)
    {
        Result(prefix + "n", samples.Count);
        Result(prefix + "mean_ms", Math.Round(samples.Mean, 2));
        Result(prefix + "p50_ms", Math.Round(samples.Percentile(50), 2));
        Result(prefix + "p95_ms", Math.Round(samples.Percentile(95), 2));
        Result(prefix + "p99_ms", Math.Round(samples.Percentile(99), 2));
    }

    public static void Result(string key, object value) =>
        Console.WriteLine($"RESULT {key}={Convert.ToString(value, CultureInfo.InvariantCulture)}");
}

/// <summary>Writes a learner's past answers and review states straight into the portal's SQLite database.</summary>
internal static class History
{
    public static async Task<(int Answers, int Questions)> InsertAsync(string databasePath, string email, int answers, int questionCount)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 60, Pooling = false }.ToString());
        await connection.OpenAsync();

        var learnerId = (string?)await Scalar(connection, null, "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email", ("$email", email.ToUpperInvariant()))
            ?? throw new InvalidOperationException($"{email} is not in {databasePath}: is that the portal's database?");

        var questions = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT Id FROM Questions WHERE Retired = 0 ORDER BY Id LIMIT $n";
            select.Parameters.AddWithValue("$n", questionCount);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                questions.Add(reader.GetString(0));
            }
        }

        if (questions.Count < questionCount)
        {
            throw new InvalidOperationException($"The portal has only {questions.Count} questions; {questionCount} are needed.");
        }

        var random = new Random(42);
        var now = DateTime.UtcNow;
        var skill = questions.ToDictionary(q => q, _ => 0.4 + 0.55 * random.NextDouble());
        var states = questions.ToDictionary(q => q, _ => (Attempts: 0, Correct: 0, Recent: 0.0, Last: DateTime.MinValue));

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Answers (LearnerId, QuestionId, QuizSessionId, Chosen, Correct, TimeTakenMs, AnsweredAt) " +
                             "VALUES ($learner, $question, NULL, $chosen, $correct, $taken, $at)";
        var pLearner = insert.Parameters.Add("$learner", SqliteType.Text);
        var pQuestion = insert.Parameters.Add("$question", SqliteType.Text);
        var pChosen = insert.Parameters.Add("$chosen", SqliteType.Text);
        var pCorrect = insert.Parameters.Add("$correct", SqliteType.Integer);
        var pTaken = insert.Parameters.Add("$taken", SqliteType.Integer);
        var pAt = insert.Parameters.Add("$at", SqliteType.Text);
        pLearner.Value = learnerId;

        // Spread over the last 90 days, oldest first, so the 30-day chart and the weighting see real dates.
        var span = TimeSpan.FromDays(90);
        for (var i = 0; i < answers; i++)
        {
            var question = questions[random.Next(questions.Count)];
            var at = now - span + span * ((i + 1.0) / (answers + 1));
            var correct = random.NextDouble() < skill[question];
            pQuestion.Value = question;
            pChosen.Value = correct ? "0" : "1";
            pCorrect.Value = correct ? 1 : 0;
            pTaken.Value = random.Next(3000, 60000);
            pAt.Value = Sql(at);
            await insert.ExecuteNonQueryAsync();

            var s = states[question];
            states[question] = (s.Attempts + 1, s.Correct + (correct ? 1 : 0), 0.65 * s.Recent + 0.35 * (correct ? 1 : 0), at);
        }

        await using var state = connection.CreateCommand();
        state.Transaction = transaction;
        state.CommandText = "INSERT OR REPLACE INTO ReviewStates (LearnerId, QuestionId, Stability, Difficulty, LastAnsweredAt, DueAt, Attempts, CorrectCount, RecentScore) " +
                            "VALUES ($learner, $question, $stability, $difficulty, $last, $due, $attempts, $correct, $recent)";
        state.Parameters.AddWithValue("$learner", learnerId);
        var sQuestion = state.Parameters.Add("$question", SqliteType.Text);
        var sStability = state.Parameters.Add("$stability", SqliteType.Real);
        var sDifficulty = state.Parameters.Add("$difficulty", SqliteType.Real);
        var sLast = state.Parameters.Add("$last", SqliteType.Text);
        var sDue = state.Parameters.Add("$due", SqliteType.Text);
        var sAttempts = state.Parameters.Add("$attempts", SqliteType.Integer);
        var sCorrect = state.Parameters.Add("$correct", SqliteType.Integer);
        var sRecent = state.Parameters.Add("$recent", SqliteType.Real);
        var answered = 0;
        foreach (var (question, s) in states.Where(s => s.Value.Attempts > 0))
        {
            var stability = 0.5 + 40 * random.NextDouble();
            sQuestion.Value = question;
            sStability.Value = stability;
            sDifficulty.Value = 1 + 9 * random.NextDouble();
            sLast.Value = Sql(s.Last);
            sDue.Value = Sql(s.Last + TimeSpan.FromDays(stability));
            sAttempts.Value = s.Attempts;
            sCorrect.Value = s.Correct;
            sRecent.Value = s.Recent;
            await state.ExecuteNonQueryAsync();
            answered++;
        }

        await transaction.CommitAsync();
        return (answers, answered);
    }

    /// <summary>How EF Core's SQLite provider stores a DateTime.</summary>
    private static string Sql(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
