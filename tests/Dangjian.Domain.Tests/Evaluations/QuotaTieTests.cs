using Dangjian.Domain.Evaluations;
using static Dangjian.Domain.Tests.Evaluations.Scoring;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>
/// The ties the grade quota moves down across its line (EVA-6), named so the results page can explain them: a tie
/// straddling the line is reported, a tie that fits or that was out anyway is not.
/// </summary>
public sealed class QuotaTieTests
{
    private static IReadOnlyList<GradeTie> TiesOf(params (string Name, decimal Composite, bool Veto)[] subjects)
    {
        var input = ByComposite([.. subjects.Select(s => Subject(s.Name, s.Composite, s.Veto))]);
        var scored = EvaluationScoring.Score(input).Subjects;
        return EvaluationScoring.Ties(input.Grades, [.. scored.Select(s => (s.Name, s.Composite, s.ThresholdGrade, s.Vetoed))]);
    }

    [Fact]
    public void Ties_TwoAtTheLineForOnePlace_NamesBothTheGradeTheyMissedAndTheOneTheyGot()
    {
        // Five subjects: 优秀 has floor(0.2 × 5) = 1 place; the two at 91.35 both move down, the place stays empty.
        var tie = Assert.Single(TiesOf(("张伟", 91.35m, false), ("李娜", 91.35m, false), ("王强", 80, false), ("赵敏", 75, false), ("孙磊", 72, false)));

        Assert.Equal("优秀", tie.Grade);
        Assert.Equal("称职", tie.MovedTo);
        Assert.Equal(91.35m, tie.Score);
        Assert.Equal(["张伟", "李娜"], tie.Names.Order(StringComparer.Ordinal));
        Assert.Equal(1, tie.Places);
        Assert.Equal(0, tie.Kept);
    }

    [Fact]
    public void Ties_OneAboveThenTwoTiedForNoPlaceLeft_ReportsNothing()
    {
        // The place went to 95: the two at 91 were out whatever the tie, so no place is left empty by it.
        Assert.Empty(TiesOf(("张伟", 95, false), ("李娜", 91, false), ("王强", 91, false), ("赵敏", 75, false), ("孙磊", 72, false)));
    }

    [Fact]
    public void Ties_TieThatFitsTheLimit_ReportsNothing()
    {
        // Ten subjects give 优秀 two places: the two tied at 91 both keep it.
        Assert.Empty(TiesOf(("S01", 91, false), ("S02", 91, false), ("S03", 80, false), ("S04", 80, false), ("S05", 80, false),
            ("S06", 80, false), ("S07", 80, false), ("S08", 80, false), ("S09", 80, false), ("S10", 80, false)));
    }

    [Fact]
    public void Ties_OneKeptThenATieForTheSecondPlace_SaysOneOfTwoPlacesWasKept()
    {
        var tie = Assert.Single(TiesOf(("S01", 96, false), ("S02", 91, false), ("S03", 91, false), ("S04", 80, false), ("S05", 80, false),
            ("S06", 80, false), ("S07", 80, false), ("S08", 80, false), ("S09", 80, false), ("S10", 80, false)));

        Assert.Equal(2, tie.Places);
        Assert.Equal(1, tie.Kept);
        Assert.Equal(["S02", "S03"], tie.Names);
    }

    [Fact]
    public void Ties_AVetoedSubjectAtTheSameScore_IsNotPartOfTheTie()
    {
        // A vetoed subject takes no place (EVA-6): only one subject is left at 91.35, which keeps the place.
        Assert.Empty(TiesOf(("张伟", 91.35m, false), ("李娜", 91.35m, true), ("王强", 80, false), ("赵敏", 75, false), ("孙磊", 72, false)));
    }
}
