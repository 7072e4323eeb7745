using System.Text.Json;

namespace Dangjian.Cli.Tests.Elections;

/// <summary>The contract of `dangjian election count FILE`: output JSON, exit 0 / 2.</summary>
public sealed class ElectionCountCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-count-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Count_WellFormedRound_PrintsResultAndExitsZero()
    {
        // 10 entitled, 9 present: threshold 6. 张伟 6 for; 王芳 4; a tie of nobody; one ballot invalid (for and against), one void.
        var file = Write("""
            { "seats": 2, "entitledVoters": 10, "votersPresent": 9, "ballotsIssued": 9,
              "candidates": ["张伟", "王芳", "李娜"],
              "ballots": [
                { "for": ["张伟", "王芳"], "against": ["李娜"] },
                { "for": ["张伟", "王芳"] }, { "for": ["张伟", "王芳"] }, { "for": ["张伟", "王芳"] },
                { "for": ["张伟", "李娜"] },
                { "for": ["张伟"], "writeIns": ["赵磊"] },
                { "for": ["王芳"], "against": ["王芳"] },
                { "void": true } ] }
            """);

        var result = await CliProcess.RunAsync("election", "count", file);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var root = doc.RootElement;
        Assert.Equal("counted", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("voidReason").ValueKind);
        Assert.Equal(6, root.GetProperty("threshold").GetInt32());
        Assert.Equal(8, root.GetProperty("ballotsReturned").GetInt32());
        Assert.Equal(6, root.GetProperty("validBallots").GetInt32());
        Assert.Equal(2, root.GetProperty("invalidBallots").GetInt32());
        Assert.Equal(["张伟"], root.GetProperty("elected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, root.GetProperty("unfilledSeats").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("runoff").ValueKind);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["张伟", "王芳", "李娜", "赵磊"], results.Select(r => r.GetProperty("name").GetString()));
        var wang = results[1];
        Assert.Equal((4, 0, 2, false), (wang.GetProperty("for").GetInt32(), wang.GetProperty("against").GetInt32(), wang.GetProperty("abstain").GetInt32(), wang.GetProperty("writeIn").GetBoolean()));
        Assert.True(results[3].GetProperty("writeIn").GetBoolean());
    }

    [Fact]
    public async Task Count_VoidRound_StillExitsZero()
    {
        var file = Write("""{ "seats": 1, "entitledVoters": 50, "votersPresent": 40, "ballotsIssued": 40, "candidates": ["甲", "乙"], "ballots": [] }""");

        var result = await CliProcess.RunAsync("election", "count", file);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("void", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("quorum-not-met", doc.RootElement.GetProperty("voidReason").GetString());
        Assert.Empty(doc.RootElement.GetProperty("elected").EnumerateArray());
    }

    [Theory]
    [InlineData("""{ "seats": 1, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [] }""", "entitledVoters")]
    [InlineData("""{ "seats": -1, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [] }""", "seats")]
    [InlineData("""{ "seats": 1, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [ { "for": ["乙"] } ] }""", "ballots[0].for[0]")]
    [InlineData("""{ "seats": 1, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [ { "against": ["丙"] } ] }""", "ballots[0].against[0]")]
    [InlineData("""{ "seats": 1, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲", "甲"], "ballots": [] }""", "candidates[1]")]
    [InlineData("""{ "mode": "lottery", "seats": 1, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [] }""", "mode")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{ "seats": 1,""", "$")]
    [InlineData("""{ "seats": 1, "seats": 2, "entitledVoters": 5, "votersPresent": 5, "ballotsIssued": 5, "candidates": ["甲"], "ballots": [] }""", "$")]
    public async Task Count_MalformedInput_ExitsTwoNamingTheField(string json, string field)
    {
        var result = await CliProcess.RunAsync("election", "count", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(field + ":", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_MissingFile_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("election", "count", Path.Combine(_folder, "absent.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.json", result.Error, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
