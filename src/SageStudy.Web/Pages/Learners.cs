using System.Security.Claims;

namespace SageStudy.Web.Pages;

public static class Learners
{
    /// <summary>The signed-in learner's id; every query about answers is scoped by it.</summary>
    public static string? LearnerId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
