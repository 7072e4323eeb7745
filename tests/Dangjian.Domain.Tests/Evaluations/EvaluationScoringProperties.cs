using Dangjian.Domain.Evaluations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>
/// Invariants of the composite assessment (property tests) over generated
/// assessments: the example's scale, dimensions and groups, 0–14 subjects whose achievement and inspection come from a
/// small set of values (so equal composites and ties across a quota line are common), random vetoes, 0–6 responses
/// each, and one of several grade sets with quotas (0, 0.2, 0.3, 1/3, 1) on every grade but the last.
/// A failing case prints the input in the contract's JSON.
/// </summary>
public sealed class EvaluationScoringProperties
{
    private static readonly string[] Labels = ["好", "较好", "一般", "差"];
    private static readonly string[] Groups = ["班子成员", "干部职工", "群众代表"];

    private sealed class Case(ScoringInput input)
    {
        public ScoringInput Input { get; } = input;

        public override string ToString() => string.Join(" | ", Input.Subjects.Select(s =>
            $"{s.Name} a={s.Achievement} i={s.Inspection} veto={s.Veto} [{string.Join(";", s.Responses.Select(r => r.Group + ":" + string.Join(",", r.Ratings.Values)))}]"))
            + " grades=" + string.Join(",", Input.Grades.Select(g => $"{g.Name}>={g.Min}q{g.Quota}"));
    }

    private static readonly EvaluationGrade[][] GradeSets =
    [
        [new("优秀", 90, 0.2m), new("称职", 70), new("基本称职", 60), new("不称职", 0)],
        [new("优秀", 85, 0.3m), new("良好", 75, 0.3m), new("一般", 60, 0.5m), new("较差", 0)],
        [new("优秀", 80, 0.3333m), new("合格", 0)],
        [new("A", 70, 0m), new("B", 60, 1m), new("C", 50, 0.2m), new("D", 0)],
    ];

    private static Gen<EvaluationResponse> Responses() =>
        from g in Gen.Elements(Groups)
        from ratings in Gen.ArrayOf(Gen.Elements(Labels), Scoring.Dimensions.Length)
        select new EvaluationResponse(g, Scoring.Dimensions.Zip(ratings).ToDictionary(p => p.First, p => p.Second));

    private static Gen<ScoringSubject> Subject(int i) =>
        from achievement in Gen.Elements(100m, 95m, 92.5m, 90m, 85m, 80m, 70m, 60m)
        from inspection in Gen.Elements(100m, 90m, 88m, 80m)
        from veto in Gen.Choose(1, 10).Select(n => n == 1)
        from count in Gen.Choose(0, 6)
        from responses in Gen.ArrayOf(Responses(), count)
        select new ScoringSubject($"S{i:00}", achievement, inspection, veto, responses);

    private static Arbitrary<Case> Cases() =>
        (from n in Gen.Choose(0, 14)
         from subjects in Gen.CollectToArray(Enumerable.Range(0, n), Subject)
         from grades in Gen.Elements(GradeSets)
         from vetoGrade in Gen.Elements(grades.Select(g => g.Name).ToArray())
         select new Case(Scoring.Example([.. subjects]) with { Grades = grades, VetoGrade = vetoGrade })).ToArbitrary();

    private static List<T> Permute<T>(IReadOnlyList<T> list, int seed)
    {
        var random = new Random(seed);
        return [.. list.OrderBy(_ => random.Next())];
    }

    [Property(MaxTest = 500)]
    public Property Score_SubjectsAndResponsesInAnyOrder_GiveTheSameResult() =>
        Prop.ForAll(Cases(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, seed) =>
        {
            var reordered = c.Input with
            {
                Subjects = Permute(c.Input.Subjects.Select((s, i) => s with { Responses = Permute(s.Responses, seed + i) }).ToList(), seed),
            };
            var a = EvaluationScoring.Score(c.Input);
            var b = EvaluationScoring.Score(reordered);
            return EvaluationScoreJson.Write(a) == EvaluationScoreJson.Write(b)
                && a.Subjects.Zip(b.Subjects).All(p => p.First.Democratic == p.Second.Democratic
                    && p.First.Composite == p.Second.Composite
                    && p.First.DemotedByQuota == p.Second.DemotedByQuota
                    && p.First.Groups.SequenceEqual(p.Second.Groups));
        });

    [Property(MaxTest = 1000)]
    public Property Score_NoGradeExceedsItsQuota() =>
        Prop.ForAll(Cases(), c =>
        {
            var result = EvaluationScoring.Score(c.Input);
            var n = c.Input.Subjects.Count;
            return c.Input.Grades.Where(g => g.Quota is not null).All(g =>
                result.Subjects.Count(s => !s.Vetoed && s.Grade == g.Name) <= decimal.Floor(g.Quota!.Value * n));
        });

    [Property(MaxTest = 1000)]
    public Property Score_VetoedSubjects_AlwaysGetTheVetoGrade() =>
        Prop.ForAll(Cases(), c =>
            EvaluationScoring.Score(c.Input).Subjects.Where(s => s.Vetoed).All(s => s.Grade == c.Input.VetoGrade && !s.DemotedByQuota));

    [Property(MaxTest = 1000)]
    public Property Score_QuotasOnlyMoveDown_AndNeverSplitATie() =>
        Prop.ForAll(Cases(), c =>
        {
            var result = EvaluationScoring.Score(c.Input).Subjects.Where(s => !s.Vetoed).ToList();
            var index = c.Input.Grades.Select((g, i) => (g.Name, i)).ToDictionary(p => p.Name, p => p.i);
            var movedDownOnlyByQuota = result.All(s => s.DemotedByQuota
                ? index[s.Grade] > index[s.ThresholdGrade]
                : s.Grade == s.ThresholdGrade);
            // Equal composites always end in the same grade.
            var tiesTogether = result.GroupBy(s => s.Composite).All(g => g.Select(s => s.Grade).Distinct().Count() == 1);
            return movedDownOnlyByQuota && tiesTogether;
        });

    [Property(MaxTest = 500)]
    public Property Score_RanksFollowTheOrder() =>
        Prop.ForAll(Cases(), c =>
        {
            var s = EvaluationScoring.Score(c.Input).Subjects;
            return s.Select((x, i) => x.Rank == 1 + s.Count(o => o.Composite > x.Composite)
                && (i == 0 || s[i - 1].Composite > x.Composite || (s[i - 1].Composite == x.Composite && string.CompareOrdinal(s[i - 1].Name, x.Name) < 0))).All(ok => ok);
        });
}
