using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SageStudy.Web.Data;

namespace SageStudy.Web;

/// <summary>ASP.NET Core Identity over the portal's SQLite database, with its standard pages.</summary>
public static class LearnerAccounts
{
    public static IServiceCollection AddLearnerAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDefaultIdentity<Learner>(options =>
            {
                // No mail server is needed to start: confirmation is off unless configured.
                options.SignIn.RequireConfirmedAccount = configuration.GetValue("Accounts:RequireConfirmedAccount", false);
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedLogins", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Accounts:LockoutMinutes", 15));
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SageStudyDb>()
            .AddSignInManager<LockoutSignInManager>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "SageStudy.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Scripts calling the API get a status code, not a redirect to the login page.
            options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "SageStudy.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        return services;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The standard login page does not count failed attempts; this makes every password sign-in
/// count, so guessing a password meets the lockout.
/// </summary>
public sealed class LockoutSignInManager(
    UserManager<Learner> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<Learner> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<Learner>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Learner> confirmation)
    : SignInManager<Learner>(users, context, claims, options, logger, schemes, confirmation)
{
    public override Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
        base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure: true);

    public override Task<SignInResult> PasswordSignInAsync(Learner user, string password, bool isPersistent, bool lockoutOnFailure) =>
        base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
}
