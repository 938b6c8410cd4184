using Microsoft.Playwright;

namespace SageStudy.Browser.Tests;

/// <summary>Debian's Chromium, driven by the Playwright driver that ships inside the NuGet package (no browser download).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--headless",
            "--no-sandbox", // runs as root in CI, where Chromium's sandbox refuses to start
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    };
}
