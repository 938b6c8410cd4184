using System.Diagnostics;
using System.Net;

namespace SageStudy.Bench;

/// <summary>
/// A learner's whole journey against a running portal, every page and API endpoint once: run by
/// bench/smoke.sh on the published (trimmed, ahead-of-time compiled) app, which the test suite,
/// running the app in-process, never sees.
/// </summary>
public static class Smoke
{
    /// <summary>What a guest sees: a path, its status and a piece of the body that shows it rendered.</summary>
    private static readonly (string Path, HttpStatusCode Status, string? Contains)[] GuestChecks =
    [
        ("/healthz", HttpStatusCode.OK, "Healthy"),
        ("/", HttpStatusCode.OK, "SageStudy"),
        ("/notes/sagemaker", HttpStatusCode.OK, "id=\"built-in-algorithms\""),
        ("/notes", HttpStatusCode.Redirect, null),
        ("/tags", HttpStatusCode.OK, "exam-tip"),
        ("/tags/exam-tip", HttpStatusCode.OK, "/notes/sagemaker#"),
        ("/tags/exam-tip,gotcha?match=any", HttpStatusCode.OK, "/notes/"),
        ("/search?q=endpoint", HttpStatusCode.OK, "<mark>"),
        ("/cram", HttpStatusCode.OK, "exam-tip"),
        ("/quiz", HttpStatusCode.OK, "Input.Source"),
        ("/quiz/try?source=all&count=3&seed=7", HttpStatusCode.OK, "type=\"radio\""),
        ("/problems", HttpStatusCode.OK, null),
        ("/progress", HttpStatusCode.Redirect, null),
        ("/no-such-page", HttpStatusCode.NotFound, "There is nothing at /no-such-page"),
        ("/css/site.css", HttpStatusCode.OK, null),
        ("/api/notes", HttpStatusCode.OK, "\"path\":\"sagemaker\""),
        ("/api/notes/sagemaker", HttpStatusCode.OK, "\"sections\""),
        ("/api/notes/no-such-note", HttpStatusCode.NotFound, "\"status\":404"),
        ("/api/tags", HttpStatusCode.OK, "\"exam-tip\""),
        ("/api/tags/gotcha", HttpStatusCode.OK, "\"anchor\""),
        ("/api/search?q=spot&tag=exam-tip", HttpStatusCode.OK, "\"snippetHtml\""),
        ("/api/questions?source=generated", HttpStatusCode.OK, "\"prompt\""),
        ("/api/problems", HttpStatusCode.OK, null),
        ("/api/progress", HttpStatusCode.Unauthorized, null),
    ];

    public static async Task<int> RunAsync(Uri baseAddress)
    {
        var failures = new List<string>();
        using var guest = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        await WaitUntilServingAsync(guest);

        void Record(string check, string? problem)
        {
            Console.WriteLine($"{(problem is null ? "ok  " : "FAIL")} {check}{(problem is null ? "" : ": " + problem)}");
            if (problem is not null)
            {
                failures.Add($"{check}: {problem}");
            }
        }

        async Task Expect(HttpClient http, string path, HttpStatusCode status, string? contains = null)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Record($"GET {path}", response.StatusCode != status ? $"answered {(int)response.StatusCode}, expected {(int)status}"
                : contains is not null && !body.Contains(contains, StringComparison.Ordinal) ? $"lacks \"{contains}\""
                : null);
        }

        foreach (var (path, expected, contains) in GuestChecks)
        {
            await Expect(guest, path, expected, contains);
        }

        using var learner = await Learner.RegisterAsync(baseAddress, $"smoke-{Guid.NewGuid():N}@example.test");
        var token = await learner.TokenAsync("/quiz");
        var quiz = await learner.StartQuizAsync(token, "tag:exam-tip", 5);
        await Expect(learner.Http, $"/quiz/{quiz}/1", HttpStatusCode.OK, "Check");
        var (status, _) = await learner.AnswerAsync(token, quiz, 1);
        Record($"POST /quiz/{quiz}/1?handler=Check", status is HttpStatusCode.OK or HttpStatusCode.Redirect ? null : $"answered {(int)status}");
        await Expect(learner.Http, "/progress", HttpStatusCode.OK, "/notes/");
        await Expect(learner.Http, "/api/progress", HttpStatusCode.OK, "\"answered\":1");
        await Expect(learner.Http, $"/quiz/{quiz + 1000}/1", HttpStatusCode.NotFound);

        Console.WriteLine(failures.Count == 0 ? "smoke: every check passed" : $"smoke: {failures.Count} checks failed");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The portal answers /healthz with 200 once its notes are indexed.</summary>
    private static async Task WaitUntilServingAsync(HttpClient http)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{http.BaseAddress} did not answer /healthz with 200 within 2 minutes.");
    }
}
