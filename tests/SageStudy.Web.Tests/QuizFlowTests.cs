using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Web.Data;

namespace SageStudy.Web.Tests;

/// <summary>The loop a learner relies on: quiz → answers kept → weak topic → back to the note.</summary>
public class QuizFlowTests(QuizPortalFactory portal) : IClassFixture<QuizPortalFactory>
{
    private async Task<Dictionary<string, (int[] Answers, int Options, string Note, string Anchor)>> BankAsync()
    {
        var questions = await portal.CreateClient().GetFromJsonAsync<JsonElement>("/api/questions");
        return questions.EnumerateArray().ToDictionary(
            q => q.GetProperty("id").GetString()!,
            q => (q.GetProperty("answers").EnumerateArray().Select(a => a.GetInt32()).ToArray(),
                  q.GetProperty("options").GetArrayLength(),
                  q.GetProperty("note").GetString()!,
                  q.GetProperty("anchor").GetString()!));
    }

    private static (string Key, string Value)[] Wrong((int[] Answers, int Options, string, string) question)
    {
        var wrong = Enumerable.Range(0, question.Options).First(i => !question.Answers.Contains(i));
        return question.Answers.Length == 1
            ? [("chosen", wrong.ToString())]
            : [("chosen", wrong.ToString()), ("chosen", question.Answers[0].ToString())];
    }

    private static (string Key, string Value)[] Right((int[] Answers, int, string, string) question) =>
        question.Answers.Select(a => ("chosen", a.ToString())).ToArray();

    [Fact]
    public async Task Progress_counts_an_answer_the_moment_it_is_given_even_right_after_being_viewed()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "fresh-progress@example.com");
        var quiz = await learner.StartQuizAsync("tag:exam-tip", 2);

        var before = await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress");
        Assert.Equal(0, before.GetProperty("answered").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await learner.Http.GetAsync("/progress")).StatusCode);

        var (questionId, token) = await learner.OpenQuestionAsync(quiz, 1);
        await learner.PostAsync($"/quiz/{quiz}/1?handler=Check", token, Right(bank[questionId]));

        var after = await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress");
        Assert.Equal(1, after.GetProperty("answered").GetInt32());
        Assert.Equal(1, after.GetProperty("correct").GetInt32());
    }

    [Fact]
    public async Task Register_quiz_from_a_tag_answer_wrongly_and_progress_names_the_weak_topic_due_for_review()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "flow@example.com");

        var quiz = await learner.StartQuizAsync("tag:exam-tip", 3);
        for (var position = 1; position <= 3; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
            var check = await learner.PostAsync($"/quiz/{quiz}/{position}?handler=Check", token, Wrong(bank[questionId]));
            Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);

            var feedback = await learner.Http.GetStringAsync($"/quiz/{quiz}/{position}");
            Assert.Contains("Not quite.", feedback);
            Assert.Contains($"href=\"/notes/{bank[questionId].Note}#{bank[questionId].Anchor}\"", feedback);
        }

        var (_, finishToken) = await learner.OpenQuestionAsync(quiz, 3);
        var finish = await learner.PostAsync($"/quiz/{quiz}/3?handler=Finish", finishToken);
        Assert.Equal($"/quiz/{quiz}/result", finish.Headers.Location?.OriginalString);

        var progress = await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress");
        Assert.Equal(3, progress.GetProperty("answered").GetInt32());
        Assert.Equal(0, progress.GetProperty("correct").GetInt32());
        Assert.True(progress.GetProperty("due").GetInt32() > 0);
        var weak = progress.GetProperty("weakTopics").EnumerateArray().First();
        Assert.True(weak.GetProperty("mastery").GetDouble() < 0.8);

        var page = await learner.Http.GetStringAsync("/progress");
        Assert.Contains($"href=\"/notes/{weak.GetProperty("note").GetString()}#{weak.GetProperty("anchor").GetString()}\"", page);
        Assert.Contains("Re-read", page);
        Assert.Contains("due for review", page);

        var review = await learner.StartQuizAsync("due", 10);
        Assert.True(review > quiz);
    }

    [Fact]
    public async Task Right_answers_are_checked_and_a_retake_holds_only_the_wrong_ones()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "retake@example.com");
        var quiz = await learner.StartQuizAsync("note:sagemaker", 4);

        for (var position = 1; position <= 4; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
            var answer = position % 2 == 0 ? Right(bank[questionId]) : Wrong(bank[questionId]);
            await learner.PostAsync($"/quiz/{quiz}/{position}?handler=Check", token, answer);
            Assert.Contains(position % 2 == 0 ? "Correct." : "Not quite.", await learner.Http.GetStringAsync($"/quiz/{quiz}/{position}"));
        }

        var (_, finishToken) = await learner.OpenQuestionAsync(quiz, 4);
        await learner.PostAsync($"/quiz/{quiz}/4?handler=Finish", finishToken);
        Assert.Contains("2 of 4 correct", await learner.Http.GetStringAsync($"/quiz/{quiz}/result"));

        var retake = await learner.PostAsync($"/quiz/{quiz}/result?handler=Retake", await learner.TokenFor($"/quiz/{quiz}/result"));
        var retakeId = int.Parse(retake.Headers.Location!.OriginalString.Split('/')[2]);
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        var wrongIds = await db.QuizItems.Where(i => i.QuizSessionId == quiz && i.Correct == false).Select(i => i.QuestionId).ToListAsync();
        var retakeIds = await db.QuizItems.Where(i => i.QuizSessionId == retakeId).Select(i => i.QuestionId).ToListAsync();
        Assert.Equal(wrongIds.Order(), retakeIds.Order());
    }

    [Fact]
    public async Task A_drill_leads_with_what_the_learner_got_wrong_then_unseen_questions_before_known_ones()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "drill-order@example.com");
        var first = await learner.StartQuizAsync("note:sagemaker", 4);
        var answered = new List<string>();
        for (var position = 1; position <= 4; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(first, position);
            await learner.PostAsync($"/quiz/{first}/{position}?handler=Check", token, position == 1 ? Wrong(bank[questionId]) : Right(bank[questionId]));
            answered.Add(questionId);
        }

        var drill = await learner.StartQuizAsync("note:sagemaker", 3);

        using var scope = portal.Services.CreateScope();
        var drawn = await scope.ServiceProvider.GetRequiredService<SageStudyDb>().QuizItems
            .Where(i => i.QuizSessionId == drill).Select(i => i.QuestionId).ToListAsync();
        Assert.Equal(3, drawn.Count);
        Assert.Contains(answered[0], drawn);
        Assert.DoesNotContain(drawn, answered.Skip(1).Contains);
    }

    [Theory]
    [InlineData("tag:exam-tip")]
    [InlineData("note:sagemaker")]
    public async Task A_link_to_the_quiz_page_with_a_source_preselects_it(string source)
    {
        var html = await portal.CreateClient().GetStringAsync($"/quiz?source={Uri.EscapeDataString(source)}");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<option [^>]*selected"));
        Assert.Contains($"<option value=\"{source}\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task An_unfinished_quiz_resumes_at_the_first_unanswered_question()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "resume@example.com");
        var quiz = await learner.StartQuizAsync("all", 3);
        var (questionId, token) = await learner.OpenQuestionAsync(quiz, 1);
        await learner.PostAsync($"/quiz/{quiz}/1?handler=Check", token, Right(bank[questionId]));

        var resume = await learner.Http.GetAsync($"/quiz/{quiz}");

        Assert.Equal($"/quiz/{quiz}/2", resume.Headers.Location?.OriginalString);
        Assert.Contains($"/quiz/{quiz}\"", await learner.Http.GetStringAsync("/quiz"));
    }

    [Fact]
    public async Task Exam_mode_gives_no_feedback_until_the_end_then_a_per_domain_breakdown()
    {
        var bank = await BankAsync();
        var learner = await LearnerClient.RegisterAsync(portal, "exam@example.com");
        var quiz = await learner.StartQuizAsync("all", 4, mode: "Exam");

        for (var position = 1; position <= 4; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
            var handler = position == 4 ? "Finish" : "Next";
            var fields = Right(bank[questionId]).Append(("flagged", position == 2 ? "true" : "false")).ToArray();
            var response = await learner.PostAsync($"/quiz/{quiz}/{position}?handler={handler}", token, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            if (position < 4)
            {
                Assert.DoesNotContain("Correct.", await learner.Http.GetStringAsync($"/quiz/{quiz}/{position}"));
            }
        }

        var result = await learner.Http.GetStringAsync($"/quiz/{quiz}/result");
        Assert.Contains("4 of 4 correct", result);
        Assert.Contains("flagged", result);
        Assert.Matches("Data Preparation|ML Model Development|Deployment and Orchestration|Monitoring, Maintenance", result);
        var progress = await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress");
        Assert.Equal(4, progress.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task A_guest_may_try_a_quiz_but_is_told_nothing_is_saved_and_progress_asks_to_sign_in()
    {
        var guest = portal.CreateClient(new() { AllowAutoRedirect = true });
        var before = await CountAnswersAsync();

        var html = await guest.GetStringAsync("/quiz/try?source=tag:exam-tip&count=3");
        var progress = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/progress");
        var api = await guest.GetAsync("/api/progress");

        Assert.Contains("nothing is saved", html);
        Assert.Contains("Check", html);
        Assert.Contains("/Identity/Account/Login", progress.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(before, await CountAnswersAsync());
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var learner = await LearnerClient.RegisterAsync(portal, "csrf@example.com");

        var response = await learner.Http.PostAsync("/quiz", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Source"] = "all",
            ["Input.Count"] = "5",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountSessionsAsync("csrf@example.com"));
    }

    [Fact]
    public async Task Questions_api_filters_by_note_tag_and_source()
    {
        var client = portal.CreateClient();

        var generated = await client.GetFromJsonAsync<JsonElement>("/api/questions?note=sagemaker&source=generated");
        var authored = await client.GetFromJsonAsync<JsonElement>("/api/questions?source=authored");
        var bad = await client.GetAsync("/api/questions?source=guessed");

        Assert.All(generated.EnumerateArray(), q => Assert.Equal("sagemaker", q.GetProperty("note").GetString()));
        Assert.Contains(generated.EnumerateArray(), q => q.GetProperty("anchor").GetString() == "built-in-algorithms");
        Assert.True(authored.GetArrayLength() >= 40);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<int> CountAnswersAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SageStudyDb>().Answers.CountAsync();
    }

    private async Task<int> CountSessionsAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
        return await db.QuizSessions.CountAsync(s => db.Users.Any(u => u.Id == s.LearnerId && u.Email == email));
    }
}
