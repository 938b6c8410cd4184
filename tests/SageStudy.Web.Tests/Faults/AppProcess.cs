using System.Diagnostics;
using System.Net;

namespace SageStudy.Web.Tests.Faults;

/// <summary>
/// The portal as a real separate process (the built SageStudy.Web.dll), so a test can kill it
/// with SIGKILL mid-write and start it again on the same database.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly string _contentRoot;
    private readonly string _database;
    private Process? _process;

    public AppProcess(string contentRoot, string database)
    {
        _contentRoot = contentRoot;
        _database = database;
    }

    /// <summary>Where the current process listens: it picks a free port itself at each start, so no other server can hold it.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:1");

    public async Task StartAsync()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "SageStudy.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            app, "--urls", "http://127.0.0.1:0", $"--Content:Root={_contentRoot}", "--Content:Watch=false",
            $"--ConnectionStrings:SageStudy=Data Source={_database}", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.IndexOf(ListeningOn, StringComparison.Ordinal) is >= 0 and var at)
            {
                listening.TrySetResult(new Uri(line.Data[(at + ListeningOn.Length)..].Trim()));
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} while starting.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The portal did not become healthy within 30 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the harshest way a server dies.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }

        _process?.Dispose();
    }

    private const string ListeningOn = "Now listening on: ";
}
