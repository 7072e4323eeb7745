using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh context and page per test (per user, for a test of two users), and on
/// failure a screenshot, the page's HTML and what the browser logged, saved under the test output folder
/// before the failure is rethrown.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserApp app, ITestOutputHelper output)
{
    protected BrowserApp App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Where failures are saved: screenshots/ next to the test assembly.</summary>
    public static string FailureFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected Task RunAsync(Func<IPage, Task> body, [CallerMemberName] string test = "") => RunAsync("zh-CN", body, test);

    protected Task RunAsync(string locale, Func<IPage, Task> body, [CallerMemberName] string test = "") =>
        RunAsync(locale, null, 1, pages => body(pages[0]), test);

    /// <summary>A test in a browser window of another size (<see cref="BrowserApp.Phone"/>, say).</summary>
    protected Task RunAsync(ViewportSize viewport, Func<IPage, Task> body, [CallerMemberName] string test = "") =>
        RunAsync("zh-CN", viewport, 1, pages => body(pages[0]), test);

    /// <summary>A test of two users at once: two browser contexts (no shared cookies), a page in each.</summary>
    protected Task RunAsync(Func<IPage, IPage, Task> body, [CallerMemberName] string test = "") =>
        RunAsync("zh-CN", null, 2, pages => body(pages[0], pages[1]), test);

    private async Task RunAsync(string locale, ViewportSize? viewport, int count, Func<IReadOnlyList<IPage>, Task> body, string test)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<(IPage Page, List<string> Log)>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var context = await App.NewContextAsync(locale, viewport);
                contexts.Add(context);
                var page = await context.NewPageAsync();
                pages.Add((page, Watch(page)));
            }

            try
            {
                await body([.. pages.Select(p => p.Page)]);

                // Whatever the test did, the pages it went through must have run under the content security policy
                // without the browser refusing anything (a refusal means a script, style or connection of ours broke).
                var violations = pages.SelectMany(p => CspViolations(p.Log)).ToList();
                Assert.True(violations.Count == 0, "content security policy violations:\n" + string.Join("\n", violations));
            }
            catch (Exception failure)
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    var name = $"{GetType().Name}.{test}" + (pages.Count > 1 ? $"-{i + 1}" : string.Empty);
                    await SaveFailureAsync(pages[i].Page, name, pages[i].Log, failure);
                }

                throw;
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    /// <summary>The browser's reports of content security policy violations among what it logged (Chromium writes each to the console).</summary>
    public static IReadOnlyList<string> CspViolations(List<string> log)
    {
        lock (log)
        {
            return log.Where(l => l.Contains("Content Security Policy", StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>Collects what the browser logs for <paramref name="page"/>: console errors and warnings, page errors, failed requests.</summary>
    public static List<string> Watch(IPage page)
    {
        var log = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { lock (log) { log.Add($"console {m.Type}: {m.Text}"); } } };
        page.PageError += (_, e) => { lock (log) { log.Add("page error: " + e); } };
        page.Response += (_, r) => { if (r.Status >= 400) { lock (log) { log.Add($"HTTP {r.Status} {r.Request.Method} {r.Url}"); } } };
        return log;
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
