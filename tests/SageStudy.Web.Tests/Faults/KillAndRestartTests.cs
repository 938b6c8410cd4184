using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace SageStudy.Web.Tests.Faults;

/// <summary>
/// 32 learners answer for 30 s while the server is killed with SIGKILL and restarted twice:
/// every answer the server acknowledged must be in the database afterwards, the database must
/// pass its integrity check, and learners stay signed in across the restarts.
/// </summary>
[Trait("Category", "Fault")]
[Collection(nameof(KillAndRestartTests))]
public sealed partial class KillAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Learners = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("sagestudy-faults-").FullName;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed record Acknowledged(string Email, int Quiz, int Position);

    [Fact]
    public async Task Every_acknowledged_answer_survives_two_sigkills_and_learners_stay_signed_in()
    {
        var content = Path.Combine(_folder, "content");
        Repository.CopyShippedContent(content);
        var database = Path.Combine(_folder, "faults.db");
        using var app = new AppProcess(content, database);
        await app.StartAsync();

        // Sign-up hashes passwords (deliberately slow), so learners join a few at a time.
        var learners = new List<Learner>();
        foreach (var batch in Enumerable.Range(0, Learners).Chunk(4))
        {
            learners.AddRange(await Task.WhenAll(batch.Select(i => SignUpAsync(app, $"learner{i}@example.com"))));
        }

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var clock = Stopwatch.StartNew();

        var answering = learners.Select(learner => Task.Run(() => AnswerUntil(app, learner, clock, acknowledged))).ToList();
        var restarts = 0;
        foreach (var killAt in new[] { Duration / 3, Duration * 2 / 3 })
        {
            await Task.Delay(killAt - clock.Elapsed);
            app.Kill();
            await app.StartAsync();
            restarts++;
        }

        await Task.WhenAll(answering);
        var signedInAfterRestart = await Task.WhenAll(learners.Select(l => l.Client.GetAsync(new Uri(app.BaseAddress, "/api/progress"))));
        app.Kill();

        Assert.Equal(2, restarts);
        Assert.True(acknowledged.Count > Learners, $"Only {acknowledged.Count} answers were acknowledged.");
        Assert.All(signedInAfterRestart, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        await db.OpenAsync();
        Assert.Equal("ok", await Scalar<string>(db, "PRAGMA integrity_check"));
        var stored = new HashSet<(string, long, long)>();
        await using (var query = db.CreateCommand())
        {
            query.CommandText = """
                SELECT u.Email, i.QuizSessionId, i.Position FROM QuizItems i
                JOIN QuizSessions s ON s.Id = i.QuizSessionId JOIN AspNetUsers u ON u.Id = s.LearnerId
                JOIN Answers a ON a.QuizSessionId = i.QuizSessionId AND a.QuestionId = i.QuestionId
                WHERE i.Chosen IS NOT NULL
                """;
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        output.WriteLine($"{acknowledged.Count} answers acknowledged by {Learners} learners over {Duration.TotalSeconds:0} s with {restarts} SIGKILL restarts; {stored.Count} stored.");
        var lost = acknowledged.Where(a => !stored.Contains((a.Email, a.Quiz, a.Position))).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged answers were lost, e.g. {lost.FirstOrDefault()}");
    }

    private sealed record Learner(string Email, HttpClient Client, int Quiz);

    private static async Task<Learner> SignUpAsync(AppProcess app, string email)
    {
        // Cookies belong to the host, not the port: a learner's sign-in follows the server to its new port.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await PostFormAsync(client, app, "/Identity/Account/Register", "/Identity/Account/Register",
            ("Input.Email", email), ("Input.Password", "Fault-tolerant-1"), ("Input.ConfirmPassword", "Fault-tolerant-1"));
        var start = await PostFormAsync(client, app, "/quiz", "/quiz", ("Input.Source", "all"), ("Input.Count", "100"), ("Input.Mode", "Practice"));
        var quiz = int.Parse(start.Headers.Location!.OriginalString.Split('/')[2]);
        return new Learner(email, client, quiz);
    }

    /// <summary>Answers question after question; a request that fails while the server is down is retried.</summary>
    private static async Task AnswerUntil(AppProcess app, Learner learner, Stopwatch clock, ConcurrentBag<Acknowledged> acknowledged)
    {
        var position = 1;
        while (clock.Elapsed < Duration && position <= 100)
        {
            try
            {
                var page = $"/quiz/{learner.Quiz}/{position}";
                var response = await PostFormAsync(learner.Client, app, page, page + "?handler=Check", ("chosen", "0"));
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Add(new Acknowledged(learner.Email, learner.Quiz, position));
                    position++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server is being killed or restarted: try the same question again shortly.
                await Task.Delay(50);
            }
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, AppProcess app, string page, string action, params (string Key, string Value)[] fields)
    {
        var html = await client.GetStringAsync(new Uri(app.BaseAddress, page));
        var form = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", Token().Match(html).Groups[1].Value));
        return await client.PostAsync(new Uri(app.BaseAddress, action), new FormUrlEncodedContent(form));
    }

    private static async Task<T> Scalar<T>(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs the kill-and-restart test on its own, not beside other tests competing for the two cores.</summary>
[CollectionDefinition(nameof(KillAndRestartTests), DisableParallelization = true)]
public sealed class KillAndRestartCollection;
