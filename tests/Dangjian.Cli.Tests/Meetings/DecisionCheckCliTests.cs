using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests.Meetings;

/// <summary>The contract of `dangjian decision check FILE`: the result JSON, exit 0 / 2.</summary>
public sealed class DecisionCheckCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-decision-").FullName;

    private const string Example = """
        {
          "category": "major",
          "members": ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊"],
          "secretary": "张伟",
          "inCharge": "李娜",
          "present": ["张伟", "王芳", "李娜", "刘洋", "陈静"],
          "votes": { "for": 4, "against": 1, "abstain": 0 },
          "secretaryView": "against",
          "noticeDate": "2026-09-28",
          "meetingDate": "2026-10-09",
          "emergency": false
        }
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheIssuesExample_GivesTheIssuesOutput()
    {
        var result = await CliProcess.RunAsync("decision", "check", Write(Example));

        Assert.Equal(0, result.ExitCode);
        var o = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(["quorumMet", "quorumProblems", "noticeWorkingDays", "noticeOk", "outcome", "escalate"], o.Select(p => p.Key));
        Assert.True((bool)o["quorumMet"]!);
        Assert.Empty(o["quorumProblems"]!.AsArray());
        Assert.Equal(4, (int)o["noticeWorkingDays"]!);
        Assert.True((bool)o["noticeOk"]!);
        Assert.Equal("passed", (string)o["outcome"]!);
        Assert.True((bool)o["escalate"]!);
    }

    [Fact]
    public async Task WithoutDates_NoticeIsNull()
    {
        var o = Edit(Example, j =>
        {
            j.Remove("noticeDate");
            j.Remove("meetingDate");
        });

        var result = await CliProcess.RunAsync("decision", "check", Write(o));

        Assert.Equal(0, result.ExitCode);
        var r = JsonNode.Parse(result.Output)!.AsObject();
        Assert.True(r.ContainsKey("noticeWorkingDays") && r["noticeWorkingDays"] is null);
        Assert.True(r.ContainsKey("noticeOk") && r["noticeOk"] is null);
    }

    [Fact]
    public async Task InChargeAbsentAndTooFew_NotDecided_NoEscalation()
    {
        var o = Edit(Example, j =>
        {
            j["present"] = new JsonArray("张伟", "王芳", "刘洋");
            j["votes"] = new JsonObject { ["for"] = 3, ["against"] = 0, ["abstain"] = 0 };
        });

        var r = JsonNode.Parse((await CliProcess.RunAsync("decision", "check", Write(o))).Output)!.AsObject();

        Assert.False((bool)r["quorumMet"]!);
        Assert.Equal(["attendance-below-half", "in-charge-absent"], r["quorumProblems"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("not-decided", (string)r["outcome"]!);
        Assert.False((bool)r["escalate"]!);
    }

    [Theory]
    [InlineData(4, "passed")]
    [InlineData(3, "rejected")]
    public async Task Cadre_FourOfSixPresent_MeetsTwoThirds(int votesFor, string outcome)
    {
        var o = Edit(Example, j =>
        {
            j["category"] = "cadre";
            j["members"] = new JsonArray("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆");
            j["present"] = new JsonArray("张伟", "王芳", "李娜", "刘洋");
            j["votes"] = new JsonObject { ["for"] = votesFor, ["against"] = 4 - votesFor, ["abstain"] = 0 };
            j.Remove("secretaryView");
        });

        var r = JsonNode.Parse((await CliProcess.RunAsync("decision", "check", Write(o))).Output)!.AsObject();

        Assert.True((bool)r["quorumMet"]!);
        Assert.Equal(outcome, (string)r["outcome"]!);
    }

    [Fact]
    public async Task ShortNotice_NotOkUnlessEmergency()
    {
        var late = Edit(Example, j => j["noticeDate"] = "2026-10-08");
        var urgent = Edit(late, j => j["emergency"] = true);

        var a = JsonNode.Parse((await CliProcess.RunAsync("decision", "check", Write(late))).Output)!.AsObject();
        var b = JsonNode.Parse((await CliProcess.RunAsync("decision", "check", Write(urgent))).Output)!.AsObject();

        Assert.Equal(1, (int)a["noticeWorkingDays"]!);
        Assert.False((bool)a["noticeOk"]!);
        Assert.Equal(1, (int)b["noticeWorkingDays"]!);
        Assert.True((bool)b["noticeOk"]!);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { Edit(Example, j => j["present"] = new JsonArray("张伟", "王芳", "孙悟空")), "present[2]" },
        { Edit(Example, j => j["secretary"] = "孙悟空"), "secretary" },
        { Edit(Example, j => j["inCharge"] = "孙悟空"), "inCharge" },
        { Edit(Example, j => j["members"] = new JsonArray("张伟", "王芳", "李娜", "王芳")), "members[3]" },
        { Edit(Example, j => j["votes"] = new JsonObject { ["for"] = 5, ["against"] = 1, ["abstain"] = 0 }), "votes" },
        { Edit(Example, j => j["votes"] = new JsonObject { ["for"] = 4, ["against"] = -1, ["abstain"] = 0 }), "votes.against" },
        { Edit(Example, j => j["meetingDate"] = "2026-10-32"), "meetingDate" },
        { Edit(Example, j => j["noticeDate"] = "28/09/2026"), "noticeDate" },
        { Edit(Example, j => j["category"] = "urgent"), "category" },
        { Edit(Example, j => j.Remove("secretary")), "secretary" },
        { Edit(Example, j => j["secretaryView"] = "abstain"), "secretaryView" },
        { "{ not json", "$" },
        // The same key twice (two meeting dates) is refused, not resolved by keeping one.
        { Example.Replace("\"emergency\"", "\"meetingDate\": \"2026-10-20\", \"emergency\"", StringComparison.Ordinal), "$" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedInput_ExitsTwoNamingTheField(string json, string field)
    {
        var result = await CliProcess.RunAsync("decision", "check", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  {field}: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("decision", "check", Path.Combine(_folder, "none.json"));

        Assert.Equal(2, result.ExitCode);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        edit(o);
        return o.ToJsonString();
    }
}
