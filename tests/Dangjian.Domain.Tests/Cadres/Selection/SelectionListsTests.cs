using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>The department's lists over selection cases at a day.</summary>
public sealed class SelectionListsTests
{
    [Fact]
    public void ProbationReviewsDue_FromTheDayAfterTheLastDay_UntilReviewed()
    {
        var c = Appointed("2026-10-12");

        Assert.Empty(SelectionLists.ProbationReviewsDue([c], D("2027-10-11")));
        Assert.Same(c, Assert.Single(SelectionLists.ProbationReviewsDue([c], D("2027-10-12"))));

        c.ReviewProbation(D("2027-10-12"), ProbationOutcome.NotConfirmed, "不胜任，免去试任职务", Clerk, Minute(40));
        Assert.Empty(SelectionLists.ProbationReviewsDue([c], D("2027-12-01")));
    }

    [Fact]
    public void AppointmentBlocked_WhileThePeriodRuns_OrAnObjectionIsOpen()
    {
        var c = InPublicity();

        Assert.Equal([(true, 0)], SelectionLists.AppointmentBlocked([c], D("2026-10-09")).Select(t => (t.PeriodRuns, t.OpenObjections)));
        Assert.Empty(SelectionLists.AppointmentBlocked([c], D("2026-10-10")));

        c.ReceiveObjection(D("2026-10-09"), "反映问题", null, Clerk, Minute(23));
        Assert.Equal([(false, 1)], SelectionLists.AppointmentBlocked([c], D("2026-10-10")).Select(t => (t.PeriodRuns, t.OpenObjections)));
    }

    [Fact]
    public void QualifiedInspectors_ThoseValidOnTheDay_EachOnceWithTheLongestCertificate()
    {
        var renewed = InspectionQualification.Issue(202, "刘洋", "KC-2026-007", D("2026-09-01"), D("2028-08-31"));
        InspectionQualification[] all = [.. Certificates, renewed, InspectionQualification.Issue(203, "黄涛", "KC-2026-008", D("2026-09-11"), D("2028-09-10"))];

        Assert.Equal(["KC-2026-007", "KC-2025-001"], SelectionLists.QualifiedInspectors(all, D("2026-09-10")).Select(c => c.CertificateNumber));
        Assert.Equal(["KC-2026-007", "KC-2025-001", "KC-2026-008"], SelectionLists.QualifiedInspectors(all, D("2026-09-11")).Select(c => c.CertificateNumber));
        Assert.Equal(["KC-2025-001"], SelectionLists.QualifiedInspectors(Certificates, D("2026-09-11")).Select(c => c.CertificateNumber));
    }
}
