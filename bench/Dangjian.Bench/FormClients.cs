using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dangjian.Bench;

/// <summary>One phone's submission of a public form: GET <see cref="Path"/> for its antiforgery token, then POST the fields.</summary>
public sealed record FormSend(string Path, string[][] Fields);

/// <summary>What came back for one <see cref="FormSend"/>: the POST's status, the receipt on the page (if any), the POST's time.</summary>
public sealed record FormReply(int Status, string? Receipt, double PostMs);

/// <summary>What the client process hands back: the wall time of the whole load, its own CPU time, one reply per send in order.</summary>
public sealed record FormLoadOutput(double Seconds, double ClientCpuMs, FormReply[] Replies);

/// <summary>
/// The load generator of the vote and evaluate runs, in a process of its own (issue 18 "Speed": the server's working set
/// and CPU are then the benchmark process's own, not shared with 200 HTTP clients). The benchmark process hosts the app,
/// writes the sends to a file in the run's folder, starts this same program with <c>form-clients</c>, and reads the
/// replies back. Codes in that file are the run's own throwaway codes; the folder is deleted with the run. The clients
/// still share the machine's cores with the server: what they use is printed beside the server's figures.
/// </summary>
public static partial class FormClients
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs the sends through <paramref name="clients"/> concurrent clients in a child process; prints the server's CPU, GC and memory.</summary>
    public static async Task<FormLoadOutput> SendAsync(LoopbackApp host, int clients, IReadOnlyList<FormSend> sends, CancellationToken ct)
    {
        var workFile = System.IO.Path.Combine(host.Folder, "sends.json");
        var outFile = System.IO.Path.Combine(host.Folder, "replies.json");
        await File.WriteAllTextAsync(workFile, JsonSerializer.Serialize(sends), ct);

        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FormClients).Assembly.Location);
        }

        foreach (var a in new[] { "form-clients", host.Address, clients.ToString(Inv), workFile, outFile })
        {
            start.ArgumentList.Add(a);
        }

        // The load generator is not what is measured: workstation GC keeps it small and out of the server's way.
        start.Environment["DOTNET_gcServer"] = "0";

        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        long peak = 0;
        using (var sampler = AllocationSampler.StartIfAsked())
        {
            using var child = Process.Start(start) ?? throw new InvalidOperationException("the client process did not start");
            var exited = child.WaitForExitAsync(ct);
            while (!exited.IsCompleted)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.WhenAny(exited, Task.Delay(50, ct));
            }

            await exited;
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"the client process exited with {child.ExitCode}");
            }

            sampler?.Print(sends.Count);
        }

        var used = (self.TotalProcessorTime - cpu).TotalMilliseconds;
        var output = JsonSerializer.Deserialize<FormLoadOutput>(await File.ReadAllTextAsync(outFile, ct)) ?? throw new InvalidOperationException("no replies");
        var items = Math.Max(1, sends.Count);
        self.Refresh();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(Inv,
            $"       server CPU {used / 1000:F1} s = {used / items:F2} ms each; clients' CPU (own process) {output.ClientCpuMs / items:F2} ms each; server allocated {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / items:F0} KB each; GC paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, {GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; server working set peak {peak / 1048576.0:F0} MB, at end {self.WorkingSet64 / 1048576.0:F0} MB (GC heap {gc.HeapSizeBytes / 1048576.0:F0} MB, committed {gc.TotalCommittedBytes / 1048576.0:F0} MB)"));
        return output;
    }

    /// <summary>The child: <c>form-clients ADDRESS CLIENTS SENDS.json REPLIES.json</c>.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 5)
        {
            await Console.Error.WriteLineAsync("usage: form-clients ADDRESS CLIENTS SENDS.json REPLIES.json");
            return 2;
        }

        var address = new Uri(args[1]);
        var clients = int.Parse(args[2], Inv);
        var sends = JsonSerializer.Deserialize<FormSend[]>(await File.ReadAllTextAsync(args[3])) ?? [];
        var replies = new FormReply[sends.Length];
        var next = -1;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = address };
            int i;
            while ((i = Interlocked.Increment(ref next)) < sends.Length)
            {
                var send = sends[i];
                var page = await client.GetStringAsync(send.Path);
                var fields = new List<KeyValuePair<string, string>>(send.Fields.Length + 1)
                {
                    new("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)),
                };
                fields.AddRange(send.Fields.Select(f => new KeyValuePair<string, string>(f[0], f[1])));
                var post = Stopwatch.StartNew();
                using var response = await client.PostAsync(send.Path, new FormUrlEncodedContent(fields));
                var body = await response.Content.ReadAsStringAsync();
                var ms = post.Elapsed.TotalMilliseconds;
                var receipt = response.StatusCode == HttpStatusCode.OK && Receipt().Match(body) is { Success: true } m ? m.Groups[1].Value : null;
                replies[i] = new FormReply((int)response.StatusCode, receipt, ms);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        await File.WriteAllTextAsync(args[4], JsonSerializer.Serialize(new FormLoadOutput(seconds, (self.TotalProcessorTime - cpu).TotalMilliseconds, replies)));
        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-receipt=\"([^\"]+)\"")]
    private static partial Regex Receipt();
}
