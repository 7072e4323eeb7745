using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dangjian.Cli.Tests.Readme;

/// <summary>
/// README's commands work as written, one after another, from the repository's root: the web app's run command
/// (first start: migrations and the demo district), then `audit verify`, which must find the database the web app
/// made. Both run with no database setting and an empty data home of their own, as on a machine that never ran
/// Dangjian. The commands are read from README.md, so the test follows the README when it changes.
/// </summary>
[Collection(ReadmeCollection.Name)]
public sealed class ReadmeCommandsTests : IDisposable
{
    // The whole walk is bounded so the test stops by itself: two up-to-date checks of builds (the projects are built
    // already), the demo seed, one verify. About a minute on an idle machine; the bound leaves room for a loaded one
    // (`dotnet run` restores and checks every project before it starts) and is no claim about speed.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(6);

    private readonly string _dataHome = Directory.CreateTempSubdirectory("dangjian-readme-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataHome, recursive: true);
    }

    [Fact]
    public async Task RunCommandThenAuditVerify_FromTheRoot_FindTheSameDatabase()
    {
        using var budget = new CancellationTokenSource(Budget);
        var root = RepositoryRoot();
        var readme = await File.ReadAllLinesAsync(Path.Combine(root, "README.md"), budget.Token);
        var run = Command(readme, "dotnet run --project src/Dangjian.Web");
        var verify = Command(readme, "dotnet run --project src/Dangjian.Cli -- audit verify");

        // A free loopback port instead of 5080, which a developer's own instance may hold (--urls is README's setting).
        var port = FreePort();
        var web = Start(root, run + $" -- --urls http://127.0.0.1:{port}");
        try
        {
            await WaitUntilAnsweringAsync(web.Process, $"http://127.0.0.1:{port}/health", budget.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"`{run}` did not answer within {Budget.TotalSeconds} s:\n{web.Output}");
        }
        finally
        {
            web.Process.Kill(entireProcessTree: true);
            await web.Process.WaitForExitAsync(CancellationToken.None);
        }

        var cli = Start(root, verify);
        await cli.Process.WaitForExitAsync(budget.Token);

        Assert.True(cli.Process.ExitCode == 0, $"`{verify}` exited {cli.Process.ExitCode}:\n{cli.Output}");
        Assert.Contains("intact", cli.Output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The README line that starts with the command, without its trailing comment.</summary>
    private static string Command(string[] readme, string start)
    {
        var line = readme.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(line is not null, $"README.md has no line starting `{start}`");
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private (Process Process, StringBuilder Output) Start(string root, string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec " + command);
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("ConnectionStrings__Dangjian");
        // The user's local application data (DatabaseOptions.DefaultDataFolder) of a machine that never ran Dangjian.
        start.Environment["XDG_DATA_HOME"] = _dataHome;
        start.Environment["LOCALAPPDATA"] = _dataHome;
        // Build in the configuration the suite was built in, so `dotnet run` finds the projects up to date.
#if DEBUG
        start.Environment["Configuration"] = "Debug";
#else
        start.Environment["Configuration"] = "Release";
#endif
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static async Task WaitUntilAnsweringAsync(Process web, string url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            Assert.False(web.HasExited, "the web app stopped before it answered");
            try
            {
                using var response = await http.GetAsync(new Uri(url), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the first start migrates and seeds the demo district before it listens.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // One slow answer; try again while the budget lasts.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Dangjian.slnx) is not above " + AppContext.BaseDirectory);
    }
}

/// <summary>Runs alone, after the other classes: two builds and a demo seed beside them would not keep to the budget.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeCollection
{
    public const string Name = "readme";
}
