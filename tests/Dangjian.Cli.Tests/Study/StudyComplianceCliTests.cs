using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests.Study;

/// <summary>The contract of `dangjian study compliance FILE`: the result JSON, exit 0 / 2.</summary>
public sealed class StudyComplianceCliTests : IDisposable
{
    private readonly JsonInputs _inputs = new("dangjian-study-");

    private const string Example = """
        {"asOf": "2026-06-30", "passScore": 60,
         "requirements": [
           {"role": "team", "kind": "partySchool", "per": "term", "unit": "days", "min": 90},
           {"role": "team", "kind": "centralGroup", "per": "year", "unit": "hours", "min": 40},
           {"role": "member", "kind": "concentrated", "per": "year", "unit": "hours", "min": 32}],
         "people": [
           {"name": "张伟", "role": "team", "termStart": "2024-03-01", "termEnd": "2029-02-28",
            "records": [{"kind": "partySchool", "from": "2025-03-01", "to": "2025-04-15"},
                        {"kind": "centralGroup", "date": "2026-01-05", "hours": 4.5}],
            "exams": [{"date": "2026-01-10", "kind": "regular", "score": 55},
                      {"date": "2026-02-10", "kind": "makeup", "score": 70}]}]}
        """;

    public void Dispose() => _inputs.Dispose();

    [Fact]
    public async Task TheIssuesExample_GivesTheIssuesOutput()
    {
        // Worked by hand. 张伟 is "team": the two team requirements, in input order; "member"'s is not his.
        // partySchool, per term: the period is the term 2024-03-01…2029-02-28, 1826 days (five years and 29 February
        //   2028). The window is 2024-03-01…2026-06-30 (asOf is earlier than the term's end): 730 days to 2026-03-01,
        //   then 31 + 30 + 31 + 30, so 852 days. The stay 2025-03-01…04-15 covers 31 + 15 = 46 days: done 46,
        //   missing 90 − 46 = 44; behindPace 46 × 1826 = 83996 < 90 × 852 = 76680? No: false.
        // centralGroup, per year: the period is 2026, 365 days; the window 2026-01-01…06-30, 181 days. One session of
        //   4.5 hours on 2026-01-05: done 4.5, missing 35.5; behindPace 4.5 × 365 = 1642.5 < 40 × 181 = 7240: true.
        // Exams: 2026-01-10 regular 55 < 60, a fail: make-up-due; 2026-02-10 make-up 70 ≥ 60, a pass: ok.
        const string expected = """
            {"asOf": "2026-06-30", "people": [{"name": "张伟", "role": "team", "exam": "ok",
              "requirements": [
                {"kind": "partySchool", "per": "term", "unit": "days", "min": 90, "done": 46, "missing": 44, "behindPace": false},
                {"kind": "centralGroup", "per": "year", "unit": "hours", "min": 40, "done": 4.5, "missing": 35.5, "behindPace": true}]}]}
            """;

        var result = await CliProcess.RunAsync("study", "compliance", _inputs.Write(Example));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        // Compact both: the same names in the same order and the same number texts (46, not 46.0; 4.5, not 4.50).
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(result.Output)!.ToJsonString());
    }

    [Fact]
    public async Task FromStandardInput_NoRequirementsForARole_AnEmptyList()
    {
        var json = Edit(j => j["people"]![0]!["role"] = "clerk");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dangjian.dll"));
        foreach (var a in new[] { "study", "compliance", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var person = JsonNode.Parse(output)!["people"]![0]!;
        Assert.Equal("ok", (string)person["exam"]!);
        Assert.Empty(person["requirements"]!.AsArray());
    }

    public static TheoryData<string, string> Malformed => new()
    {
        // a missing field; an ill-typed one
        { Edit(j => j.Remove("asOf")), "asOf" },
        { Edit(j => j["passScore"] = "60"), "passScore" },
        { Edit(j => j["people"]![0]!.AsObject().Remove("name")), "people[0].name" },
        { Edit(j => j["people"]![0]!["records"] = "none"), "people[0].records" },
        // a bad date
        { Edit(j => j["asOf"] = "2026-06-31"), "asOf" },
        { Edit(j => j["people"]![0]!["records"]![1]!["date"] = "2026/01/05"), "people[0].records[1].date" },
        // `to` before `from`; a term end before its start
        { Edit(j => j["people"]![0]!["records"]![0]!["to"] = "2025-02-28"), "people[0].records[0].to" },
        { Edit(j => j["people"]![0]!["termEnd"] = "2024-02-29"), "people[0].termEnd" },
        // negative hours, minimum, score
        { Edit(j => j["people"]![0]!["records"]![1]!["hours"] = -4.5m), "people[0].records[1].hours" },
        { Edit(j => j["requirements"]![1]!["min"] = -40), "requirements[1].min" },
        { Edit(j => j["passScore"] = -1), "passScore" },
        { Edit(j => j["people"]![0]!["exams"]![0]!["score"] = -55), "people[0].exams[0].score" },
        // an unknown per or unit
        { Edit(j => j["requirements"]![1]!["per"] = "month"), "requirements[1].per" },
        { Edit(j => j["requirements"]![0]!["unit"] = "weeks"), "requirements[0].unit" },
        // the same role + kind + per twice (another unit or minimum does not make it another requirement)
        { Edit(j => j["requirements"]!.AsArray().Add(new JsonObject { ["role"] = "team", ["kind"] = "centralGroup", ["per"] = "year", ["unit"] = "days", ["min"] = 5 })), "requirements[3]" },
        // duplicate names
        { Edit(j => j["people"]!.AsArray().Add(new JsonObject { ["name"] = "张伟", ["role"] = "member" })), "people[1].name" },
        // a missing term on a person who needs one
        { Edit(j => j["people"]![0]!.AsObject().Remove("termStart")), "people[0].termStart" },
        // a record of the wrong shape: a party-school stay given as a session
        { Edit(j => j["people"]![0]!["records"]![0] = new JsonObject { ["kind"] = "partySchool", ["date"] = "2025-03-01", ["hours"] = 8 }), "people[0].records[0].from" },
        { Edit(j => j["people"]![0]!["records"]![1] = new JsonObject { ["kind"] = "centralGroup", ["from"] = "2026-01-05", ["to"] = "2026-01-05" }), "people[0].records[1].hours" },
        // a make-up that is not valid at that point: the regular exam it would make up was passed
        { Edit(j => j["people"]![0]!["exams"]![0]!["score"] = 60), "people[0].exams[1]" },
        { Edit(j => j["people"]![0]!["exams"]![0]!["kind"] = "final"), "people[0].exams[0].kind" },
        { "{ not json", "$" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public Task MalformedInput_ExitsTwoNamingTheField(string json, string field) =>
        _inputs.AssertMalformedAsync(json, field, "study", "compliance");

    [Fact]
    public async Task RecordsOfKindsNobodyCounts_AreIgnoredWhateverTheirShape()
    {
        var json = Edit(j => j["people"]![0]!["records"]!.AsArray().Add(new JsonObject { ["kind"] = "lecture", ["topic"] = "党章" }));

        var result = await CliProcess.RunAsync("study", "compliance", _inputs.Write(json));

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("study", "compliance", _inputs.Missing);

        Assert.Equal(2, result.ExitCode);
    }

    private static string Edit(Action<JsonObject> edit) => JsonInputs.Edit(Example, edit);
}
