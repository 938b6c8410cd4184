using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SageStudy.Web.Indexing;

namespace SageStudy.Web;

/// <summary>
/// Marks a page or endpoint whose response to a guest depends only on the URL and the content snapshot,
/// so <see cref="RenderedPages"/> may keep it until the notes change.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RenderedOncePerSnapshotAttribute : Attribute;

/// <summary>
/// Content pages are rendered once per content change, not per request. A guest's GET of a page
/// rendered before is answered from memory ahead of static files, routing and authentication;
/// a request carrying the sign-in cookie always goes through the app, so no learner's page is
/// ever stored or shown to anyone else. A new snapshot starts a new, empty set of pages.
/// </summary>
public sealed class RenderedPages(IContentIndex index, IOptionsMonitor<CookieAuthenticationOptions> cookies, IConfiguration configuration)
{
    private sealed record Page(string ContentType, byte[] Body);

    /// <summary>The pages rendered from one snapshot.</summary>
    private sealed class Generation(DateTimeOffset builtAt)
    {
        private long _bytes;

        public DateTimeOffset BuiltAt { get; } = builtAt;
        public ConcurrentDictionary<string, Page> Pages { get; } = new(StringComparer.Ordinal);

        /// <summary>Keeps the page unless the budget is spent: odd URLs (searches) must not crowd memory.</summary>
        public void TryAdd(string key, Page page, long budget)
        {
            if (Interlocked.Add(ref _bytes, page.Body.Length) > budget || !Pages.TryAdd(key, page))
            {
                Interlocked.Add(ref _bytes, -page.Body.Length);
            }
        }
    }

    private readonly long _budget = configuration.GetValue("Pages:CacheMegabytes", 32L) * 1024 * 1024;
    private Generation _generation = new(DateTimeOffset.MinValue);

    public async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // Files under wwwroot (a path with an extension) are the static files middleware's business.
        if (!HttpMethods.IsGet(request.Method) || Path.HasExtension(request.Path.Value) || IsSignedIn(request))
        {
            await next(context);
            return;
        }

        var generation = CurrentGeneration();
        var key = request.QueryString.HasValue ? string.Concat(request.Path.Value, request.QueryString.Value) : request.Path.Value!;
        if (generation.Pages.TryGetValue(key, out var page))
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = page.ContentType;
            response.ContentLength = page.Body.Length;
            await response.BodyWriter.WriteAsync(page.Body, context.RequestAborted);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (IsKeepable(context))
        {
            generation.TryAdd(key, new Page(context.Response.ContentType!, buffer.ToArray()), _budget);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private Generation CurrentGeneration()
    {
        var builtAt = index.Current.BuiltAt;
        var generation = Volatile.Read(ref _generation);
        if (generation.BuiltAt != builtAt)
        {
            var fresh = new Generation(builtAt);
            generation = Interlocked.CompareExchange(ref _generation, fresh, generation) == generation ? fresh : Volatile.Read(ref _generation);
        }

        return generation;
    }

    private bool IsSignedIn(HttpRequest request) =>
        request.Headers.Authorization.Count > 0
        || (request.Headers.Cookie.Count > 0 && request.Cookies.ContainsKey(cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name!));

    /// <summary>Only a whole, successful guest page of a marked endpoint that set no cookie (an antiforgery token is per visitor).</summary>
    private static bool IsKeepable(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status200OK
        && context.Response.ContentType is not null
        && !context.Response.Headers.ContainsKey("Set-Cookie")
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<RenderedOncePerSnapshotAttribute>() is not null;
}

public static class RenderedPagesExtensions
{
    public static IApplicationBuilder UseRenderedPages(this IApplicationBuilder app)
    {
        var pages = app.ApplicationServices.GetRequiredService<RenderedPages>();
        return app.Use(pages.ServeAsync);
    }
}
