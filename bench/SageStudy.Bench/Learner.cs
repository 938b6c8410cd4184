using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SageStudy.Bench;

/// <summary>
/// A browser-like client for one learner, as the integration tests' LearnerClient: keeps its
/// cookies, follows no redirect, and posts forms with the antiforgery token from the page.
/// </summary>
public sealed partial class Learner : IDisposable
{
    public const string Password = "Bench-study-42";

    private Learner(Uri baseAddress, string email)
    {
        Email = email;
        Cookies = new CookieContainer();
        Http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = Cookies,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Email { get; }
    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Registers through the Identity register form; the learner is signed in afterwards.</summary>
    public static async Task<Learner> RegisterAsync(Uri baseAddress, string email)
    {
        var learner = new Learner(baseAddress, email);
        var token = await learner.TokenAsync("/Identity/Account/Register");
        using var response = await learner.PostAsync("/Identity/Account/Register", token,
            ("Input.Email", email), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        if (response.StatusCode != HttpStatusCode.Redirect || !learner.CookieHeader().Contains("SageStudy.Auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}, not a redirect with the auth cookie.");
        }

        return learner;
    }

    /// <summary>The antiforgery token in a page's form (tied to this learner, valid for every form).</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"{page} has no antiforgery token.");
        }

        return match.Groups[1].Value;
    }

    public Task<HttpResponseMessage> PostAsync(string action, string token, params (string Key, string Value)[] fields) =>
        Http.PostAsync(action, new FormUrlEncodedContent(fields
            .Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))));

    /// <summary>Starts a practice quiz through the /quiz form; returns its id.</summary>
    public async Task<int> StartQuizAsync(string token, string source = "all", int count = 100, string mode = "Practice")
    {
        using var response = await PostAsync("/quiz", token, ("Input.Source", source), ("Input.Count", count.ToString()), ("Input.Mode", mode));
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/quiz/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Starting a quiz answered {(int)response.StatusCode} {location}.");
        }

        return int.Parse(location.Split('/')[2]);
    }

    /// <summary>Posts an answer (the first option) the way the quiz page's Check button does; returns the status and the time taken.</summary>
    public async Task<(HttpStatusCode Status, double Milliseconds)> AnswerAsync(string token, int quiz, int position)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await PostAsync($"/quiz/{quiz}/{position}?handler=Check", token, ("chosen", "0"));
        await response.Content.LoadIntoBufferAsync();
        return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The learner's cookies as one Cookie header, for wrk and curl.</summary>
    public string CookieHeader() => string.Join("; ", Cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));

    public void Dispose() => Http.Dispose();
}

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public IReadOnlyList<double> Values => _values;

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public void AddRange(IEnumerable<double> values) => _values.AddRange(values);

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();
}
