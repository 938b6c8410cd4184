using Microsoft.AspNetCore.OutputCaching;
using SageStudy.Web.Indexing;

namespace SageStudy.Web;

/// <summary>
/// Content pages are rendered once per content change, not per request: the snapshot's build time
/// is part of the cache key, so a new snapshot can never be answered from an old page. Only
/// anonymous GETs are cached (the framework's default rules), so no learner sees another's page.
/// </summary>
public static class ContentCaching
{
    public const string Policy = "content";

    public static IServiceCollection AddContentCaching(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "snapshot", context.RequestServices.GetRequiredService<IContentIndex>().Current.BuiltAt.UtcTicks.ToString())));
        });
}
