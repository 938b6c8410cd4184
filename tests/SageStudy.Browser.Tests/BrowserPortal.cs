using Microsoft.Playwright;

namespace SageStudy.Browser.Tests;

/// <summary>
/// One running portal and one Chromium, shared by the tests of a class; each test opens its own
/// <see cref="BrowserSession"/> (a fresh context: no cookies, storage or theme carried over).
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private PortalServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;
    public string ContentRoot => Server.ContentRoot;
    private PortalServer Server => server ?? throw new InvalidOperationException("The portal has not started.");

    /// <summary>Writes extra files into the content folder before the first index build.</summary>
    protected virtual void SeedContent(string contentRoot)
    {
    }

    public virtual async Task InitializeAsync()
    {
        // Page loads wait on a busy 2-core machine; Playwright's 5 s default is too tight there.
        Assertions.SetDefaultExpectTimeout(10_000);
        server = new PortalServer(SeedContent);
        BaseAddress = server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    public async Task<BrowserSession> OpenAsync(ViewportSize? viewport = null, string? storageStatePath = null, bool bypassCsp = false)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            // Light unless a test picks dark, whatever the machine prefers.
            ColorScheme = ColorScheme.Light,
            // No half-finished CSS transitions when axe measures contrast or a screenshot is taken.
            ReducedMotion = ReducedMotion.Reduce,
            StorageStatePath = storageStatePath,
            // The XSS tests turn the portal's Content-Security-Policy off to test the escaping on its own.
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>A fresh browser context and its first page; closing it drops the learner's cookies and storage.</summary>
public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
