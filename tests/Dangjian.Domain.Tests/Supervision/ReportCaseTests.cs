using Dangjian.Domain.Supervision;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Supervision;

/// <summary>SUP-1: the report box — filing without anything that identifies the reporter, the handling steps in order, following with the secret.</summary>
public sealed class ReportCaseTests
{
    private static readonly DateOnly Filed = D("2027-03-01");
    private static readonly DateOnly Today = D("2027-03-20");

    /// <summary>The steps, each as the call that takes it, indexed by the status it leaves.</summary>
    private static readonly Dictionary<ReportCaseStatus, Action<ReportCase>> Steps = new()
    {
        [ReportCaseStatus.Filed] = c => c.Accept("组织部 李明", Filed, Today),
        [ReportCaseStatus.Accepted] = c => c.Assign("张华", "组织部 李明", Filed, Today),
        [ReportCaseStatus.Assigned] = c => c.RecordInvestigation("张华", Filed, Today),
        [ReportCaseStatus.Investigated] = c => c.Conclude("反映问题部分属实，已责令整改", "张华", Filed, Today),
    };

    public static TheoryData<ReportCaseStatus, ReportCaseStatus> EveryStatusAndStep() => StepKit.EveryStatusAndStep(Steps.Keys);

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public void Steps_OnlyTheNextOneIsTaken_EveryOtherIsRefused(ReportCaseStatus at, ReportCaseStatus stepFrom)
    {
        // Built without hashing a secret: the steps do not need one.
        var c = StepKit.Walk(new ReportCase { Id = Guid.NewGuid(), OrganizationId = 4, Content = "x", FiledOn = Filed }, Steps, x => x.Status, at);

        StepKit.OnlyTheNextStepIsTaken(c, Steps, x => x.Status, at, stepFrom, "ReportCase.OutOfOrder");
    }

    [Fact]
    public void ReferToElection_AfterAcceptance_Once_OnlyForAReportAboutAnElection()
    {
        var (aboutElection, _) = ReportCase.File(ReportSubjectKind.Cadre, 4, "王某某", "请客拉票", null, Filed, electionProjectId: 17);
        Assert.Equal(17, aboutElection.ElectionProjectId);

        // Still filed: nobody has looked at it yet.
        Assert.Equal(("ReportCase.OutOfOrder", "status"), Pair(Refused(() => aboutElection.ReferToElection(5))));
        aboutElection.Accept("李明", Filed, Today);
        aboutElection.ReferToElection(5);
        Assert.Equal(5, aboutElection.ElectionReportId);
        Assert.Equal(("ReportCase.AlreadyReferred", "electionReportId"), Pair(Refused(() => aboutElection.ReferToElection(6))));
        Assert.Equal(5, aboutElection.ElectionReportId);

        var (other, _) = ReportCase.File(ReportSubjectKind.Cadre, 4, "王某某", "挪用资金", null, Filed);
        other.Accept("李明", Filed, Today);
        Assert.Equal(("ReportCase.NotAboutElection", "electionProjectId"), Pair(Refused(() => other.ReferToElection(5))));
        Assert.Null(other.ElectionReportId);
    }

    [Fact]
    public void Steps_EachKeepsItsSignerAndDay_TheHandlerFromAssignment()
    {
        var c = new ReportCase { FiledOn = Filed };
        c.Accept("李明", D("2027-03-02"), Today);
        c.Assign("张华", "李明", D("2027-03-03"), Today);
        c.RecordInvestigation("张华", D("2027-03-10"), Today);
        c.Conclude("查无实据", "王强", D("2027-03-20"), Today);

        Assert.Equal(
            ("李明", D("2027-03-02"), "张华", "李明", D("2027-03-03"), "张华", D("2027-03-10"), "王强", D("2027-03-20"), "查无实据"),
            (c.AcceptedBy, c.AcceptedOn!.Value, c.Handler, c.AssignedBy, c.AssignedOn!.Value, c.InvestigatedBy, c.InvestigatedOn!.Value,
                c.ConcludedBy, c.ConcludedOn!.Value, c.Conclusion));
    }

    [Fact]
    public void Step_OnThePreviousStepsDay_Taken_TheDayBefore_Refused()
    {
        var c = new ReportCase { FiledOn = Filed };
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => c.Accept("李明", Filed.AddDays(-1), Today))));

        c.Accept("李明", Filed, Today);
        c.Assign("张华", "李明", D("2027-03-05"), Today);

        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => c.RecordInvestigation("张华", D("2027-03-04"), Today))));
        c.RecordInvestigation("张华", D("2027-03-05"), Today);
        Assert.Equal(ReportCaseStatus.Investigated, c.Status);
    }

    [Fact]
    public void Step_Today_Taken_Tomorrow_Refused()
    {
        var c = new ReportCase { FiledOn = Filed };
        Assert.Equal(("Supervision.InFuture", "on"), Pair(Refused(() => c.Accept("李明", Today.AddDays(1), Today))));
        Assert.Equal(ReportCaseStatus.Filed, c.Status);

        c.Accept("李明", Today, Today);
        Assert.Equal(Today, c.AcceptedOn);
    }

    [Fact]
    public void Steps_NeedASigner_AHandler_AndAConclusion()
    {
        var c = new ReportCase { FiledOn = Filed };
        Assert.Equal(("Input.Required", "by"), Pair(Refused(() => c.Accept(" ", Filed, Today))));
        c.Accept("李明", Filed, Today);
        Assert.Equal(("Input.Required", "handler"), Pair(Refused(() => c.Assign("", "李明", Filed, Today))));
        c.Assign("张华", "李明", Filed, Today);
        c.RecordInvestigation("张华", Filed, Today);
        Assert.Equal(("Input.Required", "conclusion"), Pair(Refused(() => c.Conclude(" ", "张华", Filed, Today))));
        Assert.Equal(ReportCaseStatus.Investigated, c.Status);
    }

    [Fact]
    public void File_Anonymous_KeepsTheDayOnly_NoName_ARandomId_AndOnlyAHashOfTheSecret()
    {
        var (c, secret) = ReportCase.File(ReportSubjectKind.Cadre, 4, " 王某 ", "收受礼金", null, Filed);
        var (other, otherSecret) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "违规发放补贴", "  ", Filed);

        Assert.Equal((ReportCaseStatus.Filed, Filed, "王某", (string?)null), (c.Status, c.FiledOn, c.CadreName, c.ReporterName));
        Assert.Null(other.ReporterName);
        Assert.NotEqual(c.Id, other.Id);
        Assert.NotEqual(c.CaseNumber, other.CaseNumber);
        Assert.NotEqual(secret, otherSecret);
        Assert.Equal(c.CaseNumber, ReportSecret.NormalizeCaseNumber(c.CaseNumber));
        Assert.Equal(secret, ReportSecret.NormalizeSecret(secret));
        Assert.DoesNotContain(secret, c.SecretHash, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$600000$", c.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportCase_HasNoColumnFinerThanADay_AndNoneForAnAccountOrAnAddress()
    {
        Type[] stored = [typeof(ReportCase), typeof(ReportAnswer)];
        var properties = stored.SelectMany(t => t.GetProperties()).ToList();

        Type[] finerThanADay = [typeof(DateTime), typeof(DateTimeOffset), typeof(TimeOnly)];
        Assert.DoesNotContain(properties, p => finerThanADay.Contains(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));
        Assert.DoesNotContain(properties, p => p.Name.Contains("Account", StringComparison.Ordinal)
            || p.Name.Contains("Address", StringComparison.Ordinal) || p.Name.Contains("Ip", StringComparison.Ordinal)
            || p.Name.Contains("Contact", StringComparison.Ordinal) || p.Name.Contains("UserId", StringComparison.Ordinal));
    }

    [Fact]
    public void File_Signed_KeepsTheNameTheReporterGave()
    {
        var (c, _) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "村务不公开", "赵六", Filed);

        Assert.Equal("赵六", c.ReporterName);
    }

    [Fact]
    public void File_ACadreReportNeedsTheName_AnOrganizationReportTakesNone_ContentAndOrganizationRequired()
    {
        Assert.Equal(("Input.Required", "cadreName"), Pair(Refused(() => ReportCase.File(ReportSubjectKind.Cadre, 4, " ", "x", null, Filed))));
        Assert.Equal(("ReportCase.CadreNameForOrganization", "cadreName"),
            Pair(Refused(() => ReportCase.File(ReportSubjectKind.Organization, 4, "王某", "x", null, Filed))));
        Assert.Equal(("Input.Required", "content"), Pair(Refused(() => ReportCase.File(ReportSubjectKind.Organization, 4, null, "\n", null, Filed))));
        Assert.Equal(("Input.Required", "organizationId"), Pair(Refused(() => ReportCase.File(ReportSubjectKind.Organization, 0, null, "x", null, Filed))));
        Assert.Equal(("Input.Invalid", "subjectKind"), Pair(Refused(() => ReportCase.File((ReportSubjectKind)9, 4, null, "x", null, Filed))));
        Assert.Equal(("Input.TooLong", "content"),
            Pair(Refused(() => ReportCase.File(ReportSubjectKind.Organization, 4, null, new string('字', ReportCase.MaxContentLength + 1), null, Filed))));
    }

    [Fact]
    public void Follow_TheRightSecret_AsTyped_OpensTheCase()
    {
        var (c, secret) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "违规发放补贴", null, Filed);
        var typed = ReportSecret.DisplaySecret(secret).ToLowerInvariant();

        Assert.Same(c, ReportCases.Follow(c, typed));
        Assert.Same(c, ReportCases.Follow(c, secret));
    }

    [Fact]
    public void Follow_AWrongSecret_IsRefusedExactlyLikeAnUnknownCase()
    {
        var (c, secret) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "违规发放补贴", null, Filed);
        var wrong = ReportSecret.NewSecret();
        Assert.NotEqual(secret, wrong);

        ReportCase?[] outcomes = [ReportCases.Follow(c, wrong), ReportCases.Follow(null, wrong), ReportCases.Follow(null, secret),
            ReportCases.Follow(c, "not a secret"), ReportCases.Follow(c, null), ReportCases.Follow(c, c.CaseNumber[2..])];

        Assert.All(outcomes, Assert.Null);
    }

    [Fact]
    public void Secret_ASecretOpensOnlyItsOwnCase()
    {
        var (a, secretA) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "甲", null, Filed);
        var (b, secretB) = ReportCase.File(ReportSubjectKind.Organization, 4, null, "乙", null, Filed);

        Assert.Equal((a, b), (ReportCases.Follow(a, secretA), ReportCases.Follow(b, secretB)));
        Assert.Equal(((ReportCase?)null, (ReportCase?)null), (ReportCases.Follow(a, secretB), ReportCases.Follow(b, secretA)));
    }

    [Theory]
    [InlineData("JB-ABCDE-FGHJK", "JBABCDEFGHJK")]
    [InlineData(" jb abcde fghjk ", "JBABCDEFGHJK")]
    [InlineData("JBABCDEFGHJ", null)]
    [InlineData("JBABCDEFGHJKM", null)]
    [InlineData("XY-ABCDE-FGHJK", null)]
    [InlineData("ABCDE-FGHJK", null)]
    [InlineData("JB-ABCDE-FGHJO", null)]
    [InlineData(null, null)]
    public void NormalizeCaseNumber_AsTyped(string? typed, string? stored)
    {
        Assert.Equal(stored, ReportSecret.NormalizeCaseNumber(typed));
    }

    [Fact]
    public void CaseNumber_DisplaysAndReadsBack()
    {
        var number = ReportSecret.NewCaseNumber();

        Assert.Matches("^JB-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", ReportSecret.DisplayCaseNumber(number));
        Assert.Equal(number, ReportSecret.NormalizeCaseNumber(ReportSecret.DisplayCaseNumber(number)));
    }

    [Fact]
    public void Answer_IsKeptInOrder_DatedBetweenTheLastAnswerAndToday()
    {
        var c = new ReportCase { Id = Guid.NewGuid(), FiledOn = Filed };
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => c.Answer("已收到", "李明", Filed.AddDays(-1), Today))));

        c.Answer("已收到，正在核实", "李明", D("2027-03-05"), Today);
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => c.Answer("补充", "李明", D("2027-03-04"), Today))));
        Assert.Equal(("Supervision.InFuture", "on"), Pair(Refused(() => c.Answer("补充", "李明", Today.AddDays(1), Today))));
        c.Answer("已办结", "张华", Today, Today);

        Assert.Equal([("已收到，正在核实", D("2027-03-05")), ("已办结", Today)], c.Answers.Select(a => (a.Text, a.WrittenOn)));
        Assert.All(c.Answers, a => Assert.Equal(c.Id, a.ReportCaseId));
    }
}
