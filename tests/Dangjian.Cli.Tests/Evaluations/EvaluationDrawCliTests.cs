using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests.Evaluations;

/// <summary>`dangjian evaluation draw FILE` (EVA-4): anyone reproduces a published draw from its seed.</summary>
public sealed class EvaluationDrawCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-draw-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonArray Population(params string[] keys) =>
        new([.. keys.Select(k => (JsonNode)new JsonObject { ["key"] = k })]);

    [Fact]
    public async Task KnownVector_IsTheSha256sumRanking()
    {
        // for k in A … J; do printf '%s  %s\n' "$(printf '%s\n%s' 2026 "$k" | sha256sum | cut -c1-64)" "$k"; done | LC_ALL=C sort | head -n 3 → C, D, J
        var input = new JsonObject { ["seed"] = "2026", ["count"] = 3, ["population"] = Population([.. "JIHGFEDCBA".Select(c => c.ToString())]) };

        var result = await CliProcess.RunAsync("evaluation", "draw", Write(input.ToJsonString()));

        Assert.Equal(0, result.ExitCode);
        var o = JsonNode.Parse(result.Output)!;
        Assert.Equal("2026", (string)o["seed"]!);
        Assert.Equal(["C", "D", "J"], o["drawn"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task SameFileTwice_SameOutput_AndStratifiedCountsHold()
    {
        var population = new JsonArray();
        foreach (var (stratum, size) in new[] { ("一支部", 30), ("二支部", 12), ("三支部", 5) })
        {
            for (var i = 1; i <= size; i++)
            {
                population.Add(new JsonObject { ["key"] = $"{stratum}-{i:000}", ["stratum"] = stratum });
            }
        }

        var input = new JsonObject
        {
            ["seed"] = "3f9a-07c1-5e22-90ab-d4c8",
            ["population"] = population,
            ["stratified"] = true,
            ["strataCounts"] = new JsonObject { ["一支部"] = 4, ["二支部"] = 2, ["三支部"] = 1 },
        };
        var path = Write(input.ToJsonString());

        var first = await CliProcess.RunAsync("evaluation", "draw", path);
        var again = await CliProcess.RunAsync("evaluation", "draw", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, again.Output);
        var drawn = JsonNode.Parse(first.Output)!["drawn"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(7, drawn.Count);
        Assert.Equal(4, drawn.Count(k => k.StartsWith("一支部", StringComparison.Ordinal)));
        Assert.Equal(2, drawn.Count(k => k.StartsWith("二支部", StringComparison.Ordinal)));
        Assert.Equal(1, drawn.Count(k => k.StartsWith("三支部", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { new JsonObject { ["seed"] = "s", ["count"] = 3, ["population"] = Population("A", "B") }.ToJsonString(), "count" },
        { new JsonObject { ["seed"] = "s", ["count"] = -1, ["population"] = Population("A", "B") }.ToJsonString(), "count" },
        { new JsonObject { ["seed"] = "s", ["count"] = 1, ["population"] = Population("A", "B", "A") }.ToJsonString(), "population[2].key" },
        { new JsonObject { ["count"] = 1, ["population"] = Population("A") }.ToJsonString(), "seed" },
        { new JsonObject { ["seed"] = "s", ["count"] = 1, ["population"] = Population("A"), ["stratified"] = true }.ToJsonString(), "population[0].stratum" },
        {
            new JsonObject
            {
                ["seed"] = "s",
                ["population"] = new JsonArray(new JsonObject { ["key"] = "A", ["stratum"] = "x" }),
                ["stratified"] = true,
                ["strataCounts"] = new JsonObject { ["x"] = 2 },
            }.ToJsonString(),
            "strataCounts.x"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedInput_ExitsTwoNamingTheField(string json, string field)
    {
        var result = await CliProcess.RunAsync("evaluation", "draw", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  {field}: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
