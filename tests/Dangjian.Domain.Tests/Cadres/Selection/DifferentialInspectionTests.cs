using Dangjian.Domain.Common;
using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>
/// The differential inspection of a selection case (CAD-4; seed 004, 三 (三)): a team of certified inspectors, the
/// methods used, 两圈 findings per circle and a written finding per candidate before it can be completed.
/// </summary>
public sealed class DifferentialInspectionTests
{
    [Fact]
    public void StartInspection_CertifiedTeam_KeepsEachMembersCertificate()
    {
        var c = Inspecting();

        Assert.Equal(SelectionPhase.Inspecting, c.Phase);
        Assert.Equal([("陈静", "KC-2025-001"), ("刘洋", "KC-2025-002")], c.Team.Select(m => (m.Name, m.CertificateNumber)));
        Assert.Equal("陈静、刘洋", c.Trace[^1].Text);
    }

    [Fact]
    public void StartInspection_AnUncertifiedMember_RefusedNamingThem_ChangingNothing()
    {
        var c = Shortlisted();

        var e = Refused(() => c.StartInspection([.. TeamOfTwo, (203, "黄涛")], Certificates, D("2026-09-02"), Rules, Clerk, Minute(4)));

        Assert.Equal(("Selection.InspectorUncertified", "team"), Pair(e));
        Assert.Equal("黄涛", e.Arguments[0]);
        Assert.Equal((SelectionPhase.Shortlisted, 0, 4), (c.Phase, c.Team.Count, c.Trace.Count));
    }

    // 刘洋's certificate expires on 2026-09-10: a team formed that day is accepted, one formed the day after refused.
    [Theory]
    [InlineData("2026-09-10", null)]
    [InlineData("2026-09-11", "Selection.InspectorCertificateInvalid")]
    public void StartInspection_ACertificateExpiredTheDayAfterItsExpiry(string day, string? refusal)
    {
        var c = Shortlisted();

        var error = Record.Exception(() => c.StartInspection(TeamOfTwo, Certificates, D(day), Rules, Clerk, Minute(4))) as DomainRuleException;

        Assert.Equal(refusal, error?.Code);
        if (error is not null)
        {
            Assert.Equal("刘洋", error.Arguments[0]);
        }
    }

    [Fact]
    public void StartInspection_TeamSmallerThanTheRule_Refused_AtTheRuleAccepted()
    {
        var c = Shortlisted();

        Assert.Equal(("Selection.TeamTooSmall", "team"), Pair(Refused(() => c.StartInspection([(201, "陈静")], Certificates, D("2026-09-02"), Rules, Clerk, Minute(4)))));

        c.StartInspection([(201, "陈静")], Certificates, D("2026-09-02"), Rules with { MinTeamSize = 1 }, Clerk, Minute(4));
        Assert.Single(c.Team);
    }

    [Fact]
    public void StartInspection_ACandidateOnTheTeam_Refused()
    {
        var c = Shortlisted();
        InspectionQualification[] certs = [.. Certificates, InspectionQualification.Issue(101, "张伟", "KC-3", D("2025-01-01"), D("2027-01-01"))];

        var e = Refused(() => c.StartInspection([(201, "陈静"), (101, "张伟")], certs, D("2026-09-02"), Rules, Clerk, Minute(4)));

        Assert.Equal(("Selection.InspectorIsCandidate", "team"), Pair(e));
    }

    [Fact]
    public void CompleteInspection_RefusedNamingEveryMissingFindingAtOnce()
    {
        var c = Inspecting();
        c.RecordCircleFinding(101, InspectionCircle.Life, "邻里反映家风正", Clerk, Minute(5));
        c.RecordCircleFinding(101, InspectionCircle.Social, "未发现不良交往", Clerk, Minute(6));
        c.RecordFinding(101, "德才表现良好", Clerk, Minute(7));
        c.RecordCircleFinding(102, InspectionCircle.Life, "家庭和睦", Clerk, Minute(8));

        var e = Refused(() => c.CompleteInspection(Clerk, Minute(9)));

        Assert.Equal(
            [("circleFindings", "Selection.CircleFindingMissing", "李强"), ("findings", "Selection.FindingMissing", "李强")],
            e.Problems.Select(p => (p.Field, p.Code, (string)p.Arguments[0])));
        Assert.Equal("Selection.Circle.Social", e.Problems[0].Arguments[1]);
        Assert.Equal(SelectionPhase.Inspecting, c.Phase);

        c.RecordCircleFinding(102, InspectionCircle.Social, "交往正常", Clerk, Minute(9));
        Assert.Equal(["findings"], c.MissingForCompletion().Select(p => p.Field));
        c.RecordFinding(102, "群众公认度较高", Clerk, Minute(10));
        c.CompleteInspection(Clerk, Minute(11));
        Assert.Equal(SelectionPhase.Inspected, c.Phase);
    }

    [Fact]
    public void Findings_OncePerCandidateAndCircle_AndOnlyForACandidate()
    {
        var c = Inspecting();
        c.RecordCircleFinding(101, InspectionCircle.Life, "邻里反映家风正", Clerk, Minute(5));
        c.RecordFinding(101, "德才表现良好", Clerk, Minute(6));

        Assert.Equal(("Selection.CircleFindingRecorded", "circle"), Pair(Refused(() => c.RecordCircleFinding(101, InspectionCircle.Life, "再记", Clerk, Minute(7)))));
        Assert.Equal(("Selection.FindingRecorded", "personId"), Pair(Refused(() => c.RecordFinding(101, "再记", Clerk, Minute(7)))));
        Assert.Equal(("Selection.NotACandidate", "personId"), Pair(Refused(() => c.RecordFinding(999, "无此人", Clerk, Minute(7)))));
        Assert.Equal("邻里反映家风正", c.Candidates[0].LifeCircleFinding);
    }

    [Fact]
    public void RecordMethod_KeepsWhatTheMethodCovered_InTheTrace()
    {
        var c = Inspecting();

        var entry = c.RecordMethod(InspectionMethod.DemocraticEvaluation, "民主测评 41 人参加，优秀率 85%", Clerk, Minute(5));

        Assert.Equal((SelectionStep.InspectionMethod, InspectionMethod.DemocraticEvaluation), (entry.Step, entry.Method));
        Assert.Equal(("Input.Required", "summary"), Pair(Refused(() => c.RecordMethod(InspectionMethod.IndividualTalks, "", Clerk, Minute(6)))));
    }

    [Fact]
    public void InspectionSteps_AfterCompletion_RefusedAsOutOfOrder()
    {
        var c = Inspected();

        var e = Refused(() => c.RecordMethod(InspectionMethod.IndividualTalks, "补充谈话", Clerk, Minute(30)));

        Assert.Equal(["Selection.Step.InspectionMethod", "Selection.Step.Decision"], e.Arguments);
    }
}
