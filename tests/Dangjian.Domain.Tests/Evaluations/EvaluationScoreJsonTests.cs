using System.Text.Json.Nodes;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>The JSON contract of `dangjian evaluation score` : reading exactly, refusing malformed input, printing rounded numbers.</summary>
public sealed class EvaluationScoreJsonTests
{
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

    private static string Edit(Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(Example)!.AsObject();
        edit(o);
        return o.ToJsonString();
    }

    [Fact]
    public void Parse_TheIssuesExample_KeepsOrderAndExactDecimals()
    {
        var (input, errors) = EvaluationScoreJson.Parse(Example);

        Assert.Empty(errors);
        Assert.Equal(["好", "较好", "一般", "差"], input!.Scale.Select(l => l.Label));
        Assert.Equal(0.15m, input.Dimensions[2].Weight);
        Assert.Equal(new ComponentWeights(0.4m, 0.4m, 0.2m), input.Components);
        Assert.Equal([0.2m, null, null, null], input.Grades.Select(g => g.Quota));
    }

    [Theory]
    [InlineData("0.2001", true)]   // sum 1.0001: exactly at the tolerance
    [InlineData("0.19990", true)]  // sum 0.9999
    [InlineData("0.20011", false)] // sum 1.00011
    [InlineData("0.19989", false)] // sum 0.99989
    public void Parse_WeightsMustSumToOneWithinOneTenThousandth(string weight, bool accepted)
    {
        var json = Edit(o => o["dimensions"]!["德"] = JsonNode.Parse(weight));

        var (input, errors) = EvaluationScoreJson.Parse(json);

        Assert.Equal(accepted, input is not null);
        Assert.Equal(accepted ? [] : ["dimensions"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("1.0001", false)]
    [InlineData("-0.0001", false)]
    public void Parse_QuotaIsAShareFromZeroToOne(string quota, bool accepted)
    {
        var (input, errors) = EvaluationScoreJson.Parse(Edit(o => o["grades"]![0]!["quota"] = JsonNode.Parse(quota)));

        Assert.Equal(accepted, input is not null);
        Assert.Equal(accepted ? [] : ["grades[0].quota"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Parse_ZeroWeightAndNoSubjects_AreWellFormed()
    {
        var (input, errors) = EvaluationScoreJson.Parse(Edit(o =>
        {
            o["components"] = new JsonObject { ["achievement"] = 0.5, ["democratic"] = 0.5, ["inspection"] = 0 };
            o["subjects"] = new JsonArray();
        }));

        Assert.Empty(errors);
        Assert.Equal("""{"subjects":[]}""", JsonNode.Parse(EvaluationScoreJson.Write(EvaluationScoring.Score(input!)))!.ToJsonString());
    }

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce()
    {
        var (input, errors) = EvaluationScoreJson.Parse(Edit(o =>
        {
            o["groups"]!["上级"] = -0.1;
            o["vetoGrade"] = "免职";
            o["subjects"]![0]!["responses"]![0]!["group"] = "上级2";
        }));

        Assert.Null(input);
        Assert.Equal(["groups.上级", "groups", "vetoGrade", "subjects[0].responses[0].group"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Write_RoundsHalfAwayFromZero_AsPlainJsonNumbers()
    {
        var result = new ScoringResult([new SubjectScore("张伟", 89.995m, 91.20m, "优秀", "称职", 1, false, true, [])]);

        var json = EvaluationScoreJson.Write(result);

        Assert.Equal(
            """{"subjects":[{"name":"张伟","democratic":90,"composite":91.2,"grade":"称职","rank":1}]}""",
            JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
