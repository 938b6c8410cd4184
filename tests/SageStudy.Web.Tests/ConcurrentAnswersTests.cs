using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Web.Data;

namespace SageStudy.Web.Tests;

/// <summary>Many answers at once from several learners: every one is stored, none twice.</summary>
public class ConcurrentAnswersTests(QuizPortalFactory portal) : IClassFixture<QuizPortalFactory>
{
    [Fact]
    public async Task Answers_submitted_at_once_by_several_learners_are_all_stored()
    {
        const int learners = 6;
        const int questions = 8;
        var bank = (await portal.CreateClient().GetFromJsonAsync<JsonElement>("/api/questions")).EnumerateArray()
            .ToDictionary(q => q.GetProperty("id").GetString()!, q => q.GetProperty("answers")[0].GetInt32());

        var submissions = new List<Func<Task<HttpResponseMessage>>>();
        for (var l = 0; l < learners; l++)
        {
            var learner = await LearnerClient.RegisterAsync(portal, $"crowd{l}@example.com");
            var quiz = await learner.StartQuizAsync("all", questions);
            for (var position = 1; position <= questions; position++)
            {
                var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
                var action = $"/quiz/{quiz}/{position}?handler=Check";
                var chosen = bank[questionId].ToString();
                // Each answer is sent twice at the same moment, as a double click would.
                submissions.Add(() => learner.PostAsync(action, token, ("chosen", chosen)));
                submissions.Add(() => learner.PostAsync(action, token, ("chosen", chosen)));
            }
        }

        var responses = await Task.WhenAll(submissions.Select(s => Task.Run(s)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var stored = await db.Answers.Where(a => db.Users.Any(u => u.Id == a.LearnerId && u.Email!.StartsWith("crowd"))).ToListAsync();
        Assert.Equal(learners * questions, stored.Count);
        Assert.Equal(learners * questions, stored.Select(a => (a.LearnerId, a.QuizSessionId, a.QuestionId)).Distinct().Count());
        Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single());
    }
}
