using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SageStudy.Browser.Tests;

/// <summary>What a learner does with the account and quiz forms, through the page as a person would.</summary>
public static partial class Learner
{
    public const string Password = "Study-hard-42";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        // Signed in: the header offers "Sign out" instead of "Register".
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Starts a practice quiz from the quiz page's form; the page is left on question 1.</summary>
    public static async Task StartQuizAsync(IPage page, string source, int questions)
    {
        await page.GotoAsync("/quiz");
        await page.GetByLabel("Quiz on").SelectOptionAsync(new SelectOptionValue { Label = source });
        await page.GetByLabel("Questions").FillAsync(questions.ToString());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = QuizButton() }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Question 1 of {questions}", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>How the learner sends an answer: the Enter key (quiz.js) or the "Check" button.</summary>
    public enum Submit
    {
        EnterKey,
        CheckButton,
    }

    /// <summary>
    /// Picks the first option with the "1" key (quiz.js), then checks the answer; returns once the
    /// feedback shows. Multiple-choice questions accept a single pick too (it is marked wrong).
    /// </summary>
    public static async Task AnswerFirstOptionAsync(IPage page, Submit submit)
    {
        var firstOption = page.Locator("fieldset.options input[name=chosen]").First;
        // quiz.js, which listens for the keys, runs only after the page's other scripts (mermaid is
        // large): the question shows before that, and a key pressed earlier is lost.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Keyboard.PressAsync("1");
        await Expect(firstOption).ToBeCheckedAsync();
        if (submit == Submit.EnterKey)
        {
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = Feedback() })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Answers every question of the quiz on screen, sending answers by Enter and by the "Check" button
    /// in turn, moves on with "Next" and ends with "Finish"; the page is left on the result.
    /// </summary>
    public static async Task AnswerAllAndFinishAsync(IPage page, int questions)
    {
        for (var position = 1; position <= questions; position++)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Question {position} of {questions}", Level = 1 })).ToBeVisibleAsync();
            await AnswerFirstOptionAsync(page, position % 2 == 1 ? Submit.EnterKey : Submit.CheckButton);

            var next = position == questions ? "Finish" : "Next";
            await page.GetByRole(AriaRole.Button, new() { Name = next, Exact = true }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(ResultUrl());
    }

    [GeneratedRegex("quiz", RegexOptions.IgnoreCase)]
    private static partial Regex QuizButton();

    [GeneratedRegex("Correct\\.|Not quite\\.")]
    private static partial Regex Feedback();

    [GeneratedRegex("/quiz/\\d+/result$")]
    public static partial Regex ResultUrl();
}
