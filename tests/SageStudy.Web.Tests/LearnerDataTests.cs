using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Web.Data;

namespace SageStudy.Web.Tests;

/// <summary>Each learner sees and changes only their own data, can take it away, and can delete it.</summary>
public class LearnerDataTests(QuizPortalFactory portal) : IClassFixture<QuizPortalFactory>
{
    private async Task<string[]> RightAnswerAsync(string questionId)
    {
        var questions = await portal.CreateClient().GetFromJsonAsync<JsonElement>("/api/questions");
        return questions.EnumerateArray().Single(q => q.GetProperty("id").GetString() == questionId)
            .GetProperty("answers").EnumerateArray().Select(a => a.GetInt32().ToString()).ToArray();
    }

    [Fact]
    public async Task Another_learner_cannot_read_or_change_a_quiz_by_guessing_its_id()
    {
        var alice = await LearnerClient.RegisterAsync(portal, "alice@example.com");
        var bob = await LearnerClient.RegisterAsync(portal, "bob@example.com");
        var quiz = await alice.StartQuizAsync("all", 2);
        var (questionId, _) = await alice.OpenQuestionAsync(quiz, 1);
        var bobToken = await bob.TokenFor("/quiz");
        var answer = (await RightAnswerAsync(questionId)).Select(a => ("chosen", a)).ToArray();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"/quiz/{quiz}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"/quiz/{quiz}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/quiz/{quiz}/1?handler=Check", bobToken, answer)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/quiz/{quiz}/1?handler=Finish", bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/quiz/{quiz}/result?handler=Retake", bobToken)).StatusCode);

        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var session = await db.QuizSessions.Include(s => s.Items).SingleAsync(s => s.Id == quiz);
        Assert.Null(session.FinishedAt);
        Assert.All(session.Items, i => Assert.Null(i.Chosen));
        Assert.Equal(0, (await bob.Http.GetFromJsonAsync<JsonElement>("/api/progress")).GetProperty("answered").GetInt32());
        Assert.DoesNotContain($"/quiz/{quiz}", await bob.Http.GetStringAsync("/quiz"));
    }

    [Fact]
    public async Task Bad_answers_get_a_clear_message_and_change_nothing()
    {
        var learner = await LearnerClient.RegisterAsync(portal, "careless@example.com");
        var quiz = await learner.StartQuizAsync("note:sagemaker", 2);
        var (_, token) = await learner.OpenQuestionAsync(quiz, 1);

        var none = await learner.PostAsync($"/quiz/{quiz}/1?handler=Check", token);
        var outOfRange = await learner.PostAsync($"/quiz/{quiz}/1?handler=Check", token, ("chosen", "99"));
        var notANumber = await learner.PostAsync($"/quiz/{quiz}/1?handler=Check", token, ("chosen", "'; DROP TABLE Answers;--"));
        var noSuchPosition = await learner.PostAsync($"/quiz/{quiz}/999?handler=Check", token, ("chosen", "0"));

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose an option first.", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchPosition.StatusCode);
        Assert.Equal(0, (await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress")).GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task Answers_download_as_json_and_csv_and_the_account_deletes_with_all_its_data()
    {
        var learner = await LearnerClient.RegisterAsync(portal, "leaving@example.com", "Leaving-soon-7");
        var quiz = await learner.StartQuizAsync("note:sagemaker", 2);
        for (var position = 1; position <= 2; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
            await learner.PostAsync($"/quiz/{quiz}/{position}?handler=Check", token, (await RightAnswerAsync(questionId)).Select(a => ("chosen", a)).ToArray());
        }

        var json = await learner.Http.GetFromJsonAsync<JsonElement>("/progress/data?handler=json");
        var csv = await learner.Http.GetStringAsync("/progress/data?handler=csv");
        Assert.Equal(2, json.GetArrayLength());
        Assert.True(json[0].GetProperty("correct").GetBoolean());
        Assert.Equal("sagemaker", json[0].GetProperty("note").GetString());
        Assert.Equal(3, csv.Trim().Split('\n').Length);
        Assert.StartsWith("answered_at,question_id,note,anchor,prompt,chosen,correct", csv);

        var wrongPassword = await learner.PostFormAsync("/progress/data", new() { ["Password"] = "not-my-password" }, "/progress/data?handler=Delete");
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(2, await CountAnswersOf("leaving@example.com"));

        var delete = await learner.PostFormAsync("/progress/data", new() { ["Password"] = "Leaving-soon-7" }, "/progress/data?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);

        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "leaving@example.com"));
        Assert.False(await db.QuizSessions.AnyAsync(s => s.Id == quiz));
        Assert.False(await db.Answers.AnyAsync(a => a.QuizSessionId == quiz));
        Assert.Equal(HttpStatusCode.Redirect, (await learner.Http.GetAsync("/progress")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account()
    {
        await LearnerClient.RegisterAsync(portal, "target@example.com", "Correct-horse-9");
        var attacker = new LearnerClient(portal);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "target@example.com", ["Input.Password"] = $"guess-{attempt}" });
        }

        var withRightPassword = await attacker.PostFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "target@example.com", ["Input.Password"] = "Correct-horse-9" });

        Assert.Equal("/Identity/Account/Lockout", withRightPassword.Headers.Location?.OriginalString);
        using var scope = portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<SageStudyDb>().Users.SingleAsync(u => u.Email == "target@example.com");
        Assert.NotNull(user.LockoutEnd);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
    }

    private async Task<int> CountAnswersOf(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        return await db.Answers.CountAsync(a => db.Users.Any(u => u.Id == a.LearnerId && u.Email == email));
    }
}
