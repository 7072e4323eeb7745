using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>考察资格认证 (CAD-4; seed 004, 三 (三)): a certificate valid from its exam day through its expiry day.</summary>
public sealed class InspectionQualificationTests
{
    private static readonly InspectionQualification Certificate = InspectionQualification.Issue(9, "周敏", "KC-9", D("2025-06-10"), D("2026-06-09"));

    [Theory]
    [InlineData("2025-06-09", false)]
    [InlineData("2025-06-10", true)]
    [InlineData("2026-06-09", true)]
    [InlineData("2026-06-10", false)]
    public void IsValidOn_FromTheExamDayThroughTheExpiry_ExpiredTheDayAfter(string day, bool valid) =>
        Assert.Equal(valid, Certificate.IsValidOn(D(day)));

    [Fact]
    public void Issue_ExpiryBeforeTheExam_Refused_OnTheSameDayAccepted()
    {
        Assert.Equal(("Selection.ExpiryBeforeExam", "expiresOn"), Pair(Refused(() => InspectionQualification.Issue(9, "周敏", "KC-9", D("2025-06-10"), D("2025-06-09")))));
        Assert.True(InspectionQualification.Issue(9, "周敏", "KC-9", D("2025-06-10"), D("2025-06-10")).IsValidOn(D("2025-06-10")));
    }

    [Fact]
    public void Issue_WithoutANumber_Refused() =>
        Assert.Equal(("Input.Required", "certificateNumber"), Pair(Refused(() => InspectionQualification.Issue(9, "周敏", " ", D("2025-06-10"), D("2026-06-09")))));

    [Fact]
    public void Demand_Uncertified_RefusedNamingThePerson()
    {
        var e = Refused(() => InspectionQualification.Demand(10, "吴刚", [Certificate], D("2026-01-05"), "team"));

        Assert.Equal(("Selection.InspectorUncertified", "team"), Pair(e));
        Assert.Equal("吴刚", e.Arguments[0]);
    }

    [Fact]
    public void Demand_ExpiredTheDayAfterExpiry_RefusedNamingThePersonAndTheExpiry()
    {
        Assert.Same(Certificate, InspectionQualification.Demand(9, "周敏", [Certificate], D("2026-06-09"), "team"));

        var e = Refused(() => InspectionQualification.Demand(9, "周敏", [Certificate], D("2026-06-10"), "team"));

        Assert.Equal(("Selection.InspectorCertificateInvalid", "team"), Pair(e));
        Assert.Equal(["周敏", "2026-06-09"], e.Arguments);
    }

    [Fact]
    public void Demand_ARenewedCertificate_QualifiesAfterTheOldOneExpired()
    {
        var renewed = InspectionQualification.Issue(9, "周敏", "KC-9b", D("2026-06-01"), D("2028-05-31"));

        Assert.Same(renewed, InspectionQualification.Demand(9, "周敏", [Certificate, renewed], D("2026-06-10"), "team"));
    }
}
