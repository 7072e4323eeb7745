using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh context and page per test, and on failure a screenshot, the
/// page's HTML and what the browser logged, saved under the test output folder before the failure is rethrown.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserApp app, ITestOutputHelper output)
{
    protected BrowserApp App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Where failures are saved: screenshots/ next to the test assembly.</summary>
    public static string FailureFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected Task RunAsync(Func<IPage, Task> body, [CallerMemberName] string test = "") => RunAsync("zh-CN", body, test);

    protected async Task RunAsync(string locale, Func<IPage, Task> body, [CallerMemberName] string test = "")
    {
        await using var context = await App.NewContextAsync(locale);
        var page = await context.NewPageAsync();
        var log = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { lock (log) { log.Add($"console {m.Type}: {m.Text}"); } } };
        page.PageError += (_, e) => { lock (log) { log.Add("page error: " + e); } };
        page.Response += (_, r) => { if (r.Status >= 400) { lock (log) { log.Add($"HTTP {r.Status} {r.Request.Method} {r.Url}"); } } };
        try
        {
            await body(page);
        }
        catch (Exception failure)
        {
            await SaveFailureAsync(page, $"{GetType().Name}.{test}", log, failure);
            throw;
        }
    }

    private async Task SaveFailureAsync(IPage page, string name, List<string> log, Exception failure)
    {
        try
        {
            Directory.CreateDirectory(FailureFolder);
            var stem = Path.Combine(FailureFolder, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 10_000 });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            string[] lines;
            lock (log)
            {
                lines = [$"url: {page.Url}", $"failure: {failure.Message}", .. log];
            }

            await File.WriteAllLinesAsync(stem + ".log", lines);
            Output.WriteLine($"Failure saved: {stem}.png / .html / .log");
        }
        catch (PlaywrightException e)
        {
            Output.WriteLine("Could not save the failure screenshot: " + e.Message);
        }
    }
}
