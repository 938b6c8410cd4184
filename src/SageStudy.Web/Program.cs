using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web;
using SageStudy.Web.Api;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<ContentSettings>(builder.Configuration.GetSection("Content"));
builder.Services.AddDbContext<SageStudyDb>(options => options.UseSqlite(Database.ConnectionString(builder.Configuration)));
builder.Services.AddSingleton<IndexStore>();
builder.Services.AddSingleton<ContentIndex>();
builder.Services.AddSingleton<IContentIndex>(services => services.GetRequiredService<ContentIndex>());
builder.Services.AddHealthChecks().AddCheck<IndexReadyCheck>("index");
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages();

var app = builder.Build();

await Database.MigrateAsync(app.Services);
await app.Services.GetRequiredService<ContentIndex>().RebuildAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();

app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => true });
app.MapContentApi();
app.MapRazorPages();

app.Run();

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
