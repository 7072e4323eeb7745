using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dangjian.Web.Tests.Reminders;

/// <summary>
/// A group robot on loopback: records each POST's body and answers from a script (status and JSON), then
/// <c>{"errcode":0,"errmsg":"ok"}</c> once the script is used up.
/// </summary>
public sealed class LoopbackRobot : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body)> _script = new();
    private readonly Task _loop;

    public LoopbackRobot(params (int Status, string Body)[] script)
    {
        foreach (var s in script)
        {
            _script.Enqueue(s);
        }

        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/cgi-bin/webhook/send?key=test-robot-key";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public List<string> Received { get; } = [];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            (int Status, string Body) answer;
            lock (Received)
            {
                Received.Add(body);
                answer = _script.Count > 0 ? _script.Dequeue() : (200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public List<string> ReceivedWith(string marker)
    {
        lock (Received)
        {
            return [.. Received.Where(r => r.Contains(marker, StringComparison.Ordinal))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
