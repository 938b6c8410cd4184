using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SageStudy.Content.Questions;
using SageStudy.Web.Indexing;
using SageStudy.Web.Quizzes;

namespace SageStudy.Web.Api;

public sealed record QuestionResponse(
    string Id,
    string Note,
    string Anchor,
    string Source,
    string Prompt,
    IReadOnlyList<string> Options,
    IReadOnlyList<int> Answers,
    string Explanation,
    IReadOnlyList<string> Tags);

public sealed record WeakTopicResponse(string Note, string Anchor, string Title, double Mastery);

public sealed record ProgressResponse(int Answered, int Correct, int Due, IReadOnlyList<WeakTopicResponse> WeakTopics);

public static class QuizApi
{
    public static IEndpointRouteBuilder MapQuizApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/questions", ListQuestions);
        api.MapGet("/progress", GetProgress).RequireAuthorization();
        return app;
    }

    /// <summary>The question bank, for scripts and export; filters combine.</summary>
    private static Results<Ok<List<QuestionResponse>>, ProblemHttpResult> ListQuestions(string? note, string? tag, string? source, IContentIndex index)
    {
        QuestionSource? origin = null;
        if (!string.IsNullOrEmpty(source))
        {
            if (!Enum.TryParse<QuestionSource>(source, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem("source must be 'authored' or 'generated'.", statusCode: StatusCodes.Status400BadRequest, title: "Bad question filter");
            }

            origin = parsed;
        }

        IEnumerable<Question> questions = index.Questions.All;
        if (!string.IsNullOrEmpty(tag))
        {
            if (!QuizSource.TryParse("tag:" + tag, out var tagSource))
            {
                return TypedResults.Problem($"'{tag}' is not a tag.", statusCode: StatusCodes.Status400BadRequest, title: "Bad question filter");
            }

            questions = QuestionPool.For(tagSource, index.Current, index.Questions);
        }

        questions = questions
            .Where(q => string.IsNullOrEmpty(note) || q.Note == note)
            .Where(q => origin is null || q.Source == origin);

        return TypedResults.Ok(questions.Select(q => new QuestionResponse(
            q.Id, q.Note, q.Anchor, q.Source.ToString().ToLowerInvariant(), q.Prompt, q.Options, q.Answers, q.Explanation, q.Tags)).ToList());
    }

    private static async Task<Ok<ProgressResponse>> GetProgress(ClaimsPrincipal user, ProgressReport report, CancellationToken cancellationToken)
    {
        var progress = await report.ForAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return TypedResults.Ok(new ProgressResponse(progress.Answered, progress.Correct, progress.Due,
            progress.WeakTopics.Select(t => new WeakTopicResponse(t.Note, t.Anchor, t.Title, Math.Round(t.Mastery, 3))).ToList()));
    }
}
