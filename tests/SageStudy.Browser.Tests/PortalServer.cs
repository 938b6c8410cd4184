using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SageStudy.Browser.Tests;

/// <summary>
/// The real app on Kestrel at a free loopback port (a browser cannot reach the in-memory TestServer),
/// over a copy of the shipped notes in a temporary folder and a temporary SQLite file.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public PortalServer(Action<string>? seedContent = null)
    {
        Folder = Directory.CreateTempSubdirectory("sagestudy-browser-").FullName;
        ContentRoot = Path.Combine(Folder, "content");
        Repository.CopyShippedContent(ContentRoot);
        seedContent?.Invoke(ContentRoot);

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Folder { get; }
    public string ContentRoot { get; }
    private string DatabasePath => Path.Combine(Folder, "sagestudy.db");

    /// <summary>Starts Kestrel and returns the address it bound, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Root", ContentRoot);
        builder.UseSetting("ConnectionStrings:SageStudy", $"Data Source={DatabasePath}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it is not.
            }
        }
    }
}
