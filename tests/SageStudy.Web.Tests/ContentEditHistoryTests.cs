using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SageStudy.Web.Data;

namespace SageStudy.Web.Tests;

/// <summary>A learner's history stays attached when notes are edited, and is kept as retired when a question goes.</summary>
public class ContentEditHistoryTests
{
    private const string Note = """
        # Services

        ## Compute `#exam-tip`

        - **EC2** - Virtual servers you manage yourself
        - **Lambda** - Functions that run on demand without servers
        - **Fargate** - Serverless compute engine for containers
        - **Batch** - Queues and runs large numbers of batch jobs
        """;

    private const string Bank = """
        ## svc-lambda
        Section: services#compute

        Which service runs code without servers?

        - [ ] EC2
        - [x] Lambda

        Explanation: Lambda runs functions on demand.
        """;

    [Fact]
    public async Task Renaming_a_section_keeps_history_and_a_removed_question_is_shown_as_retired()
    {
        using var portal = new PortalFactory().WithNote("services.md", Note).WithNote("quiz/services.md", Bank);
        var learner = await LearnerClient.RegisterAsync(portal, "history@example.com");
        var quiz = await learner.StartQuizAsync("note:services", 20);
        int count;
        using (var scope = portal.Services.CreateScope())
        {
            count = await scope.ServiceProvider.GetRequiredService<SageStudyDb>().QuizItems.CountAsync(i => i.QuizSessionId == quiz);
        }

        var generatedId = "";
        for (var position = 1; position <= count; position++)
        {
            var (questionId, token) = await learner.OpenQuestionAsync(quiz, position);
            generatedId = questionId.StartsWith("gen-", StringComparison.Ordinal) ? questionId : generatedId;
            await learner.PostAsync($"/quiz/{quiz}/{position}?handler=Check", token, ("chosen", "0"));
        }

        var (_, finishToken) = await learner.OpenQuestionAsync(quiz, 1);
        await learner.PostAsync($"/quiz/{quiz}/1?handler=Finish", finishToken);
        var answered = (await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress")).GetProperty("answered").GetInt32();

        portal.WithNote("services.md", Note.Replace("## Compute `#exam-tip`", "## Compute Services `#exam-tip`"));
        portal.WithNote("quiz/services.md", "# No questions left\n");
        await portal.Index.RebuildAsync();

        Assert.NotNull(portal.Index.Questions.Find(generatedId));
        Assert.Equal("compute-services", portal.Index.Questions.Find(generatedId)!.Anchor);
        Assert.Null(portal.Index.Questions.Find("svc-lambda"));
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SageStudyDb>();
            Assert.True((await db.Questions.SingleAsync(q => q.Id == "svc-lambda")).Retired);
            var moved = await db.Questions.SingleAsync(q => q.Id == generatedId);
            Assert.False(moved.Retired);
            // Progress groups answers by the recorded section, so the row follows the rename.
            Assert.Equal("compute-services", moved.Anchor);
            Assert.Equal("Compute Services", moved.SectionTitle);
        }

        Assert.Equal(answered, (await learner.Http.GetFromJsonAsync<JsonElement>("/api/progress")).GetProperty("answered").GetInt32());
        var result = await learner.Http.GetStringAsync($"/quiz/{quiz}/result");
        Assert.Contains("retired", result);
        Assert.Contains("Which service runs code without servers?", result);
    }
}
