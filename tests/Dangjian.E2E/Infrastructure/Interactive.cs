using System.Text;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// Staff pages are prerendered, then become interactive once their Blazor circuit connects: a click or
/// keystroke before that is lost, and a link click goes through enhanced navigation instead of the
/// interactive router. Tests that act on a page wait for its circuit, as a user waits for the page to settle.
/// </summary>
public static class Interactive
{
    // The server's message ending the first attach of the page's components to the circuit.
    private static readonly byte[] Attached = Encoding.ASCII.GetBytes("JS.EndUpdateRootComponents");

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="arrived"/> (at most <see cref="Timeout"/>), by reading it
    /// again and again. Playwright's WaitForURLAsync checks the address once and then waits for a navigation event: a
    /// client-side navigation (the interactive router after a click) that lands between the two is missed, and the wait
    /// runs out on a page already at the address (seen once in a clean-clone run).
    /// </summary>
    public static async Task WaitForAddressAsync(IPage page, Func<Uri, bool> arrived)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!arrived(new Uri(page.Url)))
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"the address is still {page.Url} after {Timeout.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Opens a page and waits until it is interactive.</summary>
    public static async Task GotoAsync(IPage page, string url) => await RunAsync(page, () => page.GotoAsync(url));

    /// <summary>
    /// Runs an action that loads a new document (a sign-in, a full reload) and waits until that page is interactive.
    /// Only a circuit opened after the main frame navigated counts: the page the action started on may still be
    /// connecting its own circuit (when the test did not wait for it), and that circuit's attach message would
    /// otherwise be taken for the new page's, so the next click would land on a page not yet interactive.
    /// </summary>
    public static async Task RunAsync(IPage page, Func<Task> action)
    {
        var attached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var navigated = 0;

        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                Volatile.Write(ref navigated, 1);
            }
        }

        void OnFrame(object? sender, IWebSocketFrame frame)
        {
            if (frame.Binary is { } bytes && bytes.AsSpan().IndexOf(Attached) >= 0)
            {
                attached.TrySetResult();
            }
        }

        void OnSocket(object? sender, IWebSocket socket)
        {
            if (Volatile.Read(ref navigated) == 1 && socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += OnFrame;
            }
        }

        page.FrameNavigated += OnNavigated;
        page.WebSocket += OnSocket;
        try
        {
            await action();
            await attached.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{page.Url} did not become interactive within {Timeout.TotalSeconds} s (no Blazor circuit attached).");
        }
        finally
        {
            page.WebSocket -= OnSocket;
            page.FrameNavigated -= OnNavigated;
        }
    }
}
