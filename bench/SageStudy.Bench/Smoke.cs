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
    public static async Task<int> RunAsync(Uri baseAddress)
    {
        var failures = new List<string>();
        using var guest = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        await WaitUntilServingAsync(guest);

        async Task Expect(HttpClient http, string path, HttpStatusCode status, string? contains = null)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.StatusCode != status ? $"answered {(int)response.StatusCode}, expected {(int)status}"
                : contains is not null && !body.Contains(contains, StringComparison.Ordinal) ? $"lacks \"{contains}\""
                : null;
            Console.WriteLine($"{(problem is null ? "ok  " : "FAIL")} GET {path}{(problem is null ? "" : ": " + problem)}");
            if (problem is not null)
            {
                failures.Add($"GET {path}: {problem}");
            }
        }

        await Expect(guest, "/healthz", HttpStatusCode.OK, "Healthy");
        await Expect(guest, "/", HttpStatusCode.OK, "SageStudy");
        await Expect(guest, "/notes/sagemaker", HttpStatusCode.OK, "id=\"built-in-algorithms\"");
        await Expect(guest, "/notes", HttpStatusCode.Redirect);
        await Expect(guest, "/tags", HttpStatusCode.OK, "exam-tip");
        await Expect(guest, "/tags/exam-tip", HttpStatusCode.OK, "/notes/sagemaker#");
        await Expect(guest, "/tags/exam-tip,gotcha?match=any", HttpStatusCode.OK, "/notes/");
        await Expect(guest, "/search?q=endpoint", HttpStatusCode.OK, "<mark>");
        await Expect(guest, "/cram", HttpStatusCode.OK, "exam-tip");
        await Expect(guest, "/quiz", HttpStatusCode.OK, "Input.Source");
        await Expect(guest, "/quiz/try?source=all&count=3&seed=7", HttpStatusCode.OK, "type=\"radio\"");
        await Expect(guest, "/problems", HttpStatusCode.OK);
        await Expect(guest, "/progress", HttpStatusCode.Redirect);
        await Expect(guest, "/no-such-page", HttpStatusCode.NotFound, "There is nothing at /no-such-page");
        await Expect(guest, "/css/site.css", HttpStatusCode.OK);
        await Expect(guest, "/api/notes", HttpStatusCode.OK, "\"path\":\"sagemaker\"");
        await Expect(guest, "/api/notes/sagemaker", HttpStatusCode.OK, "\"sections\"");
        await Expect(guest, "/api/notes/no-such-note", HttpStatusCode.NotFound, "\"status\":404");
        await Expect(guest, "/api/tags", HttpStatusCode.OK, "\"exam-tip\"");
        await Expect(guest, "/api/tags/gotcha", HttpStatusCode.OK, "\"anchor\"");
        await Expect(guest, "/api/search?q=spot&tag=exam-tip", HttpStatusCode.OK, "\"snippetHtml\"");
        await Expect(guest, "/api/questions?source=generated", HttpStatusCode.OK, "\"prompt\"");
        await Expect(guest, "/api/problems", HttpStatusCode.OK);
        await Expect(guest, "/api/progress", HttpStatusCode.Unauthorized);

        using var learner = await Learner.RegisterAsync(baseAddress, $"smoke-{Guid.NewGuid():N}@example.test");
        var token = await learner.TokenAsync("/quiz");
        var quiz = await learner.StartQuizAsync(token, "tag:exam-tip", 5);
        await Expect(learner.Http, $"/quiz/{quiz}/1", HttpStatusCode.OK, "Check");
        var (status, _) = await learner.AnswerAsync(token, quiz, 1);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
        {
            failures.Add($"answering quiz {quiz} answered {(int)status}");
        }

        Console.WriteLine($"{(failures.Count == 0 ? "ok  " : "----")} answered question 1 of quiz {quiz} ({(int)status})");
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
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (Stopwatch.GetTimestamp() < deadline)
            {
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"{http.BaseAddress} did not answer /healthz with 200 within 2 minutes.");
            }

            await Task.Delay(100);
        }
    }
}
