using System.Text.Json.Nodes;

namespace Dangjian.Cli.Tests.Dues;

/// <summary>The contract of `dangjian dues compute FILE` (DUE-1, DUE-2): the result JSON, exit 0 / 2.</summary>
public sealed class DuesComputeCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-dues-").FullName;

    /// <summary>The contract's example input, verbatim.</summary>
    private const string Example = """
        {"from": "2026-01", "to": "2026-06", "flagAfterMonths": 6,
         "members": [
           {"name": "张伟", "category": "salaried", "base": 4200,
            "payments": [{"month": "2026-01", "paid": 42}, {"month": "2026-02", "paid": 42, "excused": false}]},
           {"name": "李娜", "category": "farmer", "amount": 0.5},
           {"name": "王芳", "category": "retired", "base": 5000.5,
            "payments": [{"month": "2026-03", "excused": true}]}]}
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheIssuesExample_GivesTheOutputWorkedOutByHand()
    {
        // Six months, 2026-01 … 2026-06.
        // 张伟, salaried, 4200: 3000 < 4200 ≤ 5000 → 1 % → 42.00 a month. Paid 42 in Jan and Feb (Feb's excused: false
        //   changes nothing), so Mar–Jun are unpaid. due 6 × 42 = 252.00; paid 84.00; arrears 4 × 42 = 168.00; one run of
        //   4 < 6, not flagged.
        // 李娜, farmer, amount 0.5 (inside 0.2–1): 0.50 a month, no payments: all six months unpaid. due 6 × 0.5 = 3.00;
        //   paid 0.00; arrears 3.00; a run of 6 ≥ 6: flagged.
        // 王芳, retired, 5000.5 > 5000 → 1 % → 50.005, half away from zero → 50.01 a month. March is excused: neither due
        //   nor unpaid, and it ends a run. due 5 × 50.01 = 250.05; paid 0.00; arrears 250.05; unpaid Jan, Feb, Apr, May,
        //   Jun; runs of 2 and 3 → 3, not flagged.
        var expected = """
            {
              "from": "2026-01",
              "to": "2026-06",
              "members": [
                {
                  "name": "张伟",
                  "category": "salaried",
                  "monthly": 42.00,
                  "due": 252.00,
                  "paid": 84.00,
                  "arrears": 168.00,
                  "unpaidMonths": [
                    "2026-03",
                    "2026-04",
                    "2026-05",
                    "2026-06"
                  ],
                  "longestUnpaidRun": 4,
                  "flagged": false
                },
                {
                  "name": "李娜",
                  "category": "farmer",
                  "monthly": 0.50,
                  "due": 3.00,
                  "paid": 0.00,
                  "arrears": 3.00,
                  "unpaidMonths": [
                    "2026-01",
                    "2026-02",
                    "2026-03",
                    "2026-04",
                    "2026-05",
                    "2026-06"
                  ],
                  "longestUnpaidRun": 6,
                  "flagged": true
                },
                {
                  "name": "王芳",
                  "category": "retired",
                  "monthly": 50.01,
                  "due": 250.05,
                  "paid": 0.00,
                  "arrears": 250.05,
                  "unpaidMonths": [
                    "2026-01",
                    "2026-02",
                    "2026-04",
                    "2026-05",
                    "2026-06"
                  ],
                  "longestUnpaidRun": 3,
                  "flagged": false
                }
              ]
            }
            """;

        var result = await CliProcess.RunAsync("dues", "compute", Write(Example));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        // Text, not just JSON equality: the field order and the two places of money (42.00, not 42) are the contract.
        Assert.Equal(expected.ReplaceLineEndings("\n"), result.Output.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task BracketsAndFixed_ReplaceOnlyTheCategoriesTheyName_FlagAfterMonthsDefaultsToSix()
    {
        // Salaried brackets replaced: 4200 ≤ 5000 → 2 % = 84.00. Retired keeps the national rates: 5000 → 0.5 % = 25.00.
        // Student replaced by 0.5–0.5: 0.50. Farmer keeps 0.2–1: no amount → 0.20. No flagAfterMonths: 6, so a student
        // who paid nothing for six months is flagged.
        var input = """
            {"from": "2026-01", "to": "2026-06",
             "brackets": {"salaried": [{"upTo": 5000, "rate": 0.02}, {"upTo": null, "rate": 0.03}]},
             "fixed": {"student": {"min": 0.5, "max": 0.5}},
             "members": [
               {"name": "甲", "category": "salaried", "base": 4200},
               {"name": "乙", "category": "retired", "base": 5000},
               {"name": "丙", "category": "student"},
               {"name": "丁", "category": "farmer"}]}
            """;

        var result = await CliProcess.RunAsync("dues", "compute", Write(input));

        Assert.Equal(0, result.ExitCode);
        var members = JsonNode.Parse(result.Output)!["members"]!.AsArray();
        Assert.Equal(["84.00", "25.00", "0.50", "0.20"], members.Select(m => m!["monthly"]!.ToJsonString()));
        Assert.All(members, m => Assert.True((bool)m!["flagged"]!));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        // unknown category
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "cadre", "base": 4200}]}""", "members[0].category" },
        { """{"from": "2026-01", "to": "2026-06", "fixed": {"pensioner": {"min": 1, "max": 2}}, "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "fixed.pensioner" },
        // a bracket category without base
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "王芳", "category": "retired"}]}""", "members[0].base" },
        // a negative base
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": -1}]}""", "members[0].base" },
        // a negative payment
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200, "payments": [{"month": "2026-01", "paid": -42}]}]}""", "members[0].payments[0].paid" },
        // a fixed amount outside its range
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "李娜", "category": "farmer", "amount": 1.01}]}""", "members[0].amount" },
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "李娜", "category": "student", "amount": 0.5}]}""", "members[0].amount" },
        // brackets not ascending
        { """{"from": "2026-01", "to": "2026-06", "brackets": {"salaried": [{"upTo": 5000, "rate": 0.01}, {"upTo": 3000, "rate": 0.02}, {"upTo": null, "rate": 0.03}]}, "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "brackets.salaried[1].upTo" },
        // brackets without a last open bracket
        { """{"from": "2026-01", "to": "2026-06", "brackets": {"salaried": [{"upTo": 3000, "rate": 0.01}, {"upTo": 5000, "rate": 0.02}]}, "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "brackets.salaried" },
        // a negative rate
        { """{"from": "2026-01", "to": "2026-06", "brackets": {"retired": [{"upTo": 5000, "rate": -0.005}, {"upTo": null, "rate": 0.01}]}, "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "brackets.retired[0].rate" },
        // a bad month
        { """{"from": "2026-13", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "from" },
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200, "payments": [{"month": "2026-2", "paid": 42}]}]}""", "members[0].payments[0].month" },
        // from after to
        { """{"from": "2026-07", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "to" },
        // a payment month outside the range
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200, "payments": [{"month": "2026-07", "paid": 42}]}]}""", "members[0].payments[0].month" },
        // duplicate names
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200}, {"name": "张伟", "category": "farmer"}]}""", "members[1].name" },
        // beyond the contract's list: a threshold that is no number of months, an amount where the base decides
        { """{"from": "2026-01", "to": "2026-06", "flagAfterMonths": 0, "members": [{"name": "张伟", "category": "salaried", "base": 4200}]}""", "flagAfterMonths" },
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200, "amount": 50}]}""", "members[0].amount" },
        // numbers whose sums decimal cannot hold exactly: refused, not a crash
        { """{"from": "2026-01", "to": "2026-06", "members": [{"name": "张伟", "category": "salaried", "base": 4200, "payments": [{"month": "2026-01", "paid": 70000000000000000000000000000}, {"month": "2026-01", "paid": 70000000000000000000000000000}]}]}""", "members[0]" },
        { """{"from": "2026-01", "to": "2026-06", "brackets": {"salaried": [{"upTo": null, "rate": 10}]}, "members": [{"name": "张伟", "category": "salaried", "base": 70000000000000000000000000000}]}""", "members[0].base" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedInput_ExitsTwoNamingTheField(string json, string field)
    {
        var result = await CliProcess.RunAsync("dues", "compute", Write(json));

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
