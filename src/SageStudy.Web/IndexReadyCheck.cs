using Microsoft.Extensions.Diagnostics.HealthChecks;
using SageStudy.Web.Indexing;

namespace SageStudy.Web;

/// <summary>/healthz answers 200 only once the first index build is in place.</summary>
public sealed class IndexReadyCheck(IContentIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"{index.Current.Notes.Count} notes indexed")
            : HealthCheckResult.Unhealthy("The content index is still being built."));
}
