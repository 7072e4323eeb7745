using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests.Evaluations;

/// <summary>The contract of `dangjian evaluation score FILE`: the result JSON, exit 0 / 2.</summary>
public sealed class EvaluationScoreCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-evaluation-").FullName;

    /// <summary>The contract's worked example input, verbatim.</summary>
    private const string Example = """
        {
          "scale": { "好": 100, "较好": 80, "一般": 60, "差": 40 },
          "dimensions": { "德": 0.2, "能": 0.2, "勤": 0.15, "绩": 0.25, "廉": 0.1, "学": 0.1 },
          "groups": { "班子成员": 0.3, "干部职工": 0.4, "群众代表": 0.3 },
          "components": { "achievement": 0.4, "democratic": 0.4, "inspection": 0.2 },
          "grades": [
            { "name": "优秀", "min": 90, "quota": 0.2 },
            { "name": "称职", "min": 70 },
            { "name": "基本称职", "min": 60 },
            { "name": "不称职", "min": 0 }
          ],
          "vetoGrade": "不称职",
          "subjects": [
            { "name": "张伟", "achievement": 92, "inspection": 88, "veto": false,
              "responses": [ { "group": "群众代表", "ratings": { "德": "好", "能": "较好", "勤": "好", "绩": "好", "廉": "好", "学": "一般" } } ] }
          ]
        }
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheIssuesExample_GivesTheIssuesOutput()
    {
        var result = await CliProcess.RunAsync("evaluation", "score", Write(Example));

        Assert.Equal(0, result.ExitCode);
        var expected = JsonNode.Parse("""
            { "subjects": [ { "name": "张伟", "democratic": 92, "composite": 91.2, "grade": "称职", "rank": 1 } ] }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(result.Output)), result.Output);
        // Numbers print as the contract prints them: 92, not 92.00; 91.2, not 91.20.
        Assert.Contains("\"democratic\": 92,", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"composite\": 91.2,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveSubjects_VetoedTopScorer_OneExcellentPlace_TieMovesDown_SharedRanks()
    {
        var o = Edit(Example, j =>
        {
            var subjects = new JsonArray();
            foreach (var (name, achievement, veto) in new[] { ("甲", 99, true), ("乙", 96, false), ("丙", 95, false), ("丁", 95, false), ("戊", 70, false) })
            {
                subjects.Add(new JsonObject
                {
                    ["name"] = name,
                    ["achievement"] = achievement,
                    ["inspection"] = 100,
                    ["veto"] = veto,
                    ["responses"] = new JsonArray(Response("班子成员", "好"), Response("干部职工", "较好")),
                });
            }

            j["subjects"] = subjects;
        });

        var result = await CliProcess.RunAsync("evaluation", "score", Write(o));

        Assert.Equal(0, result.ExitCode);
        var s = JsonNode.Parse(result.Output)!["subjects"]!.AsArray();
        // democratic (0.3×100 + 0.4×80) / 0.7 = 88.571…; composite 0.4×a + 0.4×88.571… + 20.
        // 丁 (U+4E01) before 丙 (U+4E19): equal composites by name, ordinal.
        Assert.Equal(["甲", "乙", "丁", "丙", "戊"], s.Select(x => (string)x!["name"]!));
        Assert.Equal([88.57m, 88.57m, 88.57m, 88.57m, 88.57m], s.Select(x => (decimal)x!["democratic"]!));
        Assert.Equal([95.03m, 93.83m, 93.43m, 93.43m, 83.43m], s.Select(x => (decimal)x!["composite"]!));
        Assert.Equal(["不称职", "优秀", "称职", "称职", "称职"], s.Select(x => (string)x!["grade"]!));
        Assert.Equal([1, 2, 3, 3, 5], s.Select(x => (int)x!["rank"]!));
    }

    private static JsonObject Response(string group, string label) => new()
    {
        ["group"] = group,
        ["ratings"] = new JsonObject { ["德"] = label, ["能"] = label, ["勤"] = label, ["绩"] = label, ["廉"] = label, ["学"] = label },
    };

    private static JsonObject Ratings(JsonObject j) => j["subjects"]![0]!["responses"]![0]!["ratings"]!.AsObject();

    public static TheoryData<string, string> Malformed => new()
    {
        { Edit(Example, j => j["dimensions"]!["德"] = -0.2), "dimensions.德" },
        { Edit(Example, j => j["dimensions"]!["德"] = 0.1), "dimensions" },
        { Edit(Example, j => j["groups"]!["群众代表"] = 0.4), "groups" },
        { Edit(Example, j => j["groups"]!["群众代表"] = -0.3), "groups.群众代表" },
        { Edit(Example, j => j["components"]!["inspection"] = 0.3), "components" },
        { Edit(Example, j => j["components"]!["achievement"] = -0.4), "components.achievement" },
        { Edit(Example, j => Ratings(j)["学"] = "优"), "subjects[0].responses[0].ratings.学" },
        { Edit(Example, j => Ratings(j).Remove("德")), "subjects[0].responses[0].ratings.德" },
        { Edit(Example, j => Ratings(j)["美"] = "好"), "subjects[0].responses[0].ratings.美" },
        { Edit(Example, j => j["subjects"]![0]!["responses"]![0]!["group"] = "上级"), "subjects[0].responses[0].group" },
        { Edit(Example, j => j["grades"]![2]!["min"] = 75), "grades[2].min" },
        { Edit(Example, j => j["grades"]![1]!["min"] = 90), "grades[1].min" },
        { Edit(Example, j => j["grades"]![3]!["quota"] = 0.5), "grades[3].quota" },
        { Edit(Example, j => j["grades"]![0]!["quota"] = 1.5), "grades[0].quota" },
        { Edit(Example, j => j["grades"]![0]!["quota"] = -0.1), "grades[0].quota" },
        { Edit(Example, j => j["vetoGrade"] = "免职"), "vetoGrade" },
        { Edit(Example, j => j.Remove("scale")), "scale" },
        { Edit(Example, j => j.Remove("vetoGrade")), "vetoGrade" },
        { Edit(Example, j => j["subjects"]![0]!.AsObject().Remove("achievement")), "subjects[0].achievement" },
        { Edit(Example, j => j["subjects"]![0]!.AsObject().Remove("veto")), "subjects[0].veto" },
        { Edit(Example, j => j["subjects"]![0]!.AsObject().Remove("responses")), "subjects[0].responses" },
        { Edit(Example, j => j["subjects"]![0]!["inspection"] = "88"), "subjects[0].inspection" },
        { Edit(Example, j => j["subjects"]!.AsArray().Add(j["subjects"]![0]!.DeepClone())), "subjects[1].name" },
        { Example.Replace("\"德\": 0.2,", "\"德\": 0.2, \"德\": 0.2,", StringComparison.Ordinal), "$" },
        { "{ not json", "$" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedInput_ExitsTwoNamingTheField(string json, string field)
    {
        var result = await CliProcess.RunAsync("evaluation", "score", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  {field}: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("evaluation", "score", Path.Combine(_folder, "none.json"));

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
