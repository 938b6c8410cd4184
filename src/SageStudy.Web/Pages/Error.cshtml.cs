using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SageStudy.Web.Pages;

/// <summary>
/// Error pages: a page for people, problem details for scripts. Re-executed for every error status,
/// so an unknown path never returns an empty body.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int code) => await Respond(code);

    public async Task<IActionResult> OnPostAsync(int code) => await Respond(code);

    private async Task<IActionResult> Respond(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Code = code is >= 400 and <= 599 ? code : 404;
        (Title, Detail) = Code switch
        {
            400 => ("Bad request", "Something in the address or the form was not valid."),
            403 => ("Not allowed", "You cannot open this page."),
            404 => ("Not found", $"There is nothing at {original ?? "this address"}."),
            _ when Code >= 500 => ("Something went wrong", "The portal hit an error; your data is safe. Try again."),
            _ => ("Request failed", $"The request failed with status {Code}."),
        };

        Response.StatusCode = Code;
        var wantsHtml = Request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html");
        if (original?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true || !wantsHtml)
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = Code, Title = Title, Detail = Detail, Instance = original },
            });
            return new EmptyResult();
        }

        return Page();
    }
}
