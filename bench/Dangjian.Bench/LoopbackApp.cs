using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dangjian.Bench;

/// <summary>
/// The real web app for a load run: a fresh SQLite file (the default provider) with the demo district, listening on
/// 127.0.0.1 only (load never leaves the machine), with the public voting rate limit raised because every client is
/// 127.0.0.1. Disposing stops it and deletes the folder.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly string _folder;

    private LoopbackApp(WebApplication app, string address, string folder)
    {
        App = app;
        Address = address;
        _folder = folder;
    }

    public WebApplication App { get; }

    public string Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The run's own folder (the database file, the load generator's files); deleted on dispose.</summary>
    public string Folder => _folder;

    public static async Task<LoopbackApp> StartAsync(string name, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory($"dangjian-bench-{name}-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "Dangjian.Web" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dangjian"] = $"Data Source={Path.Combine(folder, "dangjian.db")}",
            ["Dangjian:Demo"] = "true",
            // Every client is 127.0.0.1: the per-address limit (600 a minute, for a meeting room) would measure itself.
            ["Elections:VoteRateLimitPerMinute"] = "1000000",
            // The demo's reminders would be sent while the run is measured; the run measures ballots.
            ["Reminders:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDangjian();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseDangjian();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackApp(app, address, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The nearest-rank percentile of an ascending array (NaN when empty).</summary>
    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    public static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }
}
