using System.Net;

namespace SageStudy.Web.Tests;

/// <summary>Headers and cookies that keep a learner's session and pages safe, on every kind of response.</summary>
public class SecurityTests(QuizPortalFactory portal) : IClassFixture<QuizPortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/notes/sagemaker")]
    [InlineData("/api/notes")]
    [InlineData("/no/such/page")]
    [InlineData("/css/site.css")]
    [InlineData("/Identity/Account/Login")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        var scriptSources = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSources);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Sign_in_and_antiforgery_cookies_are_http_only_and_same_site()
    {
        var learner = new LearnerClient(portal);
        var register = await learner.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Email"] = "cookies@example.com",
            ["Input.Password"] = "Cookie-jar-12",
            ["Input.ConfirmPassword"] = "Cookie-jar-12",
        });
        var antiforgery = await learner.Http.GetAsync("/quiz");

        var cookies = register.Headers.GetValues("Set-Cookie").Concat(antiforgery.Headers.TryGetValues("Set-Cookie", out var more) ? more : []).ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("SageStudy.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cookies_are_secure_behind_https()
    {
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Identity/Account/Login");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SageStudy.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_learner_is_never_served_a_cached_anonymous_page_or_the_reverse()
    {
        var anonymous = portal.CreateClient();
        var learner = await LearnerClient.RegisterAsync(portal, "cache@example.com");

        var before = await anonymous.GetStringAsync("/notes/sagemaker");
        var signedIn = await learner.Http.GetStringAsync("/notes/sagemaker");
        var after = await anonymous.GetStringAsync("/notes/sagemaker");

        Assert.Contains("cache@example.com", signedIn);
        Assert.DoesNotContain("cache@example.com", after);
        Assert.Equal(before, after);
    }
}
