using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SageStudy.Web.Tests;

/// <summary>A browser-like client for one learner: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class LearnerClient(WebApplicationFactory<Program> factory)
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-question-id=\"([^\"]+)\"")]
    private static partial Regex QuestionIdPattern();

    public static async Task<LearnerClient> RegisterAsync(WebApplicationFactory<Program> factory, string email, string password = "Study-hard-42")
    {
        var learner = new LearnerClient(factory);
        var response = await learner.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return learner;
    }

    public async Task<string> TokenFor(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    /// <summary>Fetches the page first, as a browser would, then posts the form with its token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, Dictionary<string, string> fields, string? action = null)
    {
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", await TokenFor(page)) };
        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> PostAsync(string action, string token, params (string Key, string Value)[] fields) =>
        Http.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))));

    /// <summary>Starts a quiz through the quiz page's form and returns its id.</summary>
    public async Task<int> StartQuizAsync(string source, int count, string mode = "Practice")
    {
        var response = await PostFormAsync("/quiz", new()
        {
            ["Input.Source"] = source,
            ["Input.Count"] = count.ToString(),
            ["Input.Mode"] = mode,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>The id of the question shown at a quiz position.</summary>
    public async Task<(string QuestionId, string Token)> OpenQuestionAsync(int quiz, int position)
    {
        var html = await Http.GetStringAsync($"/quiz/{quiz}/{position}");
        return (QuestionIdPattern().Match(html).Groups[1].Value, TokenPattern().Match(html).Groups[1].Value);
    }
}
