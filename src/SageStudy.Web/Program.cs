using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using SageStudy.Web;
using SageStudy.Web.Api;
using SageStudy.Web.Data;
using SageStudy.Web.Indexing;
using SageStudy.Web.Pages.Quiz;
using SageStudy.Web.Quizzes;
using SageStudy.Web.Search;

var builder = WebApplication.CreateBuilder(args);

if (ContentCheck.IsRequested(args))
{
    return ContentCheck.Run(args, builder.Configuration, Console.Out);
}

builder.Services.Configure<ContentSettings>(builder.Configuration.GetSection("Content"));
// Naming the server tells an attacker what to try and costs bytes on every response.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddDbContext<SageStudyDb>(options => options
    .UseSqlite(Database.ConnectionString(builder.Configuration))
    .AddInterceptors(new SqliteTuning()));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IndexStore>();
builder.Services.AddSingleton<NoteBodies>();
builder.Services.AddSingleton<ContentIndex>();
builder.Services.AddSingleton<IContentIndex>(services => services.GetRequiredService<ContentIndex>());
if (builder.Configuration.GetValue("Content:Watch", true))
{
    builder.Services.AddHostedService<ContentWatcher>();
}
builder.Services.AddScoped<QuizBuilder>();
builder.Services.AddScoped<AnswerRecorder>();
builder.Services.AddScoped<ProgressReport>();
builder.Services.AddSingleton<ProgressCache>();
builder.Services.AddScoped<NoteSearch>();

builder.Services.AddLearnerAccounts(builder.Configuration);
builder.Services.AddDataProtection()
    .SetApplicationName("SageStudy")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Database.DataFolder(builder.Configuration), "keys")));
builder.Services.AddHealthChecks().AddCheck<IndexReadyCheck>("index");
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<RenderedPages>();
builder.Services.AddSingleton<QuizSourceOptions>();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Progress");
});

var app = builder.Build();

await Database.MigrateAsync(app.Services);
await app.Services.GetRequiredService<ContentIndex>().RebuildAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
}

app.UseSecurityHeaders();
app.UseRenderedPages();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => true });
app.MapContentApi();
app.MapQuizApi();
app.MapRazorPages();

try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    // Stopped (Ctrl+C, SIGTERM) while Kestrel was still starting: a normal stop, not a crash with a stack trace.
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    await Console.Error.WriteLineAsync($"SageStudy could not start: {e.Message} Is it already running? Another address can be given with --urls.");
    return 1;
}

return 0;

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
