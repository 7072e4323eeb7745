using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-7: exit cases (seed 004, 三 (三) 退出机制) and accountability for a mistaken appointment (seed 000, 五).</summary>
public sealed class ExitAndAccountabilityTests
{
    private static ExitCase Exit(ExitKind kind = ExitKind.OrderedResignation) =>
        ExitCase.Open(7, 1, kind, "年度考核不称职，且发生重大安全责任事故", D("2026-03-02"), Today);

    private static AccountabilityCase Accountability() =>
        AccountabilityCase.Open(1, 42, AccountabilityGround.InspectionNotThorough, "考察未走访生活圈，未发现其违规经商", D("2026-03-02"), Today);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void ExitCase_ProposedThenDecided_KeepsTheDecision()
    {
        var c = Exit();

        c.Decide(ExitOutcome.Approved, "区委常委会", "同意其辞去镇长职务", D("2026-03-20"), Today);

        Assert.Equal((ExitStatus.Decided, ExitOutcome.Approved, "区委常委会", D("2026-03-20")), (c.Status, c.Outcome!.Value, c.DecidedBy!, c.DecidedOn!.Value));
    }

    [Fact]
    public void ExitCase_ADecidedOrWithdrawnCase_TakesNoFurtherStep()
    {
        var decided = Exit();
        decided.Decide(ExitOutcome.Rejected, "区委常委会", "不同意", D("2026-03-20"), Today);
        var withdrawn = Exit(ExitKind.ResignationForFault);
        withdrawn.Withdraw("本人撤回辞职申请", D("2026-03-05"), Today);

        Assert.Equal("Cadre.CaseClosed", Refused(() => decided.Decide(ExitOutcome.Approved, "区委常委会", "改为同意", D("2026-04-01"), Today)).Code);
        Assert.Equal("Cadre.CaseClosed", Refused(() => decided.Withdraw("撤回", D("2026-04-01"), Today)).Code);
        Assert.Equal("Cadre.CaseClosed", Refused(() => withdrawn.Decide(ExitOutcome.Approved, "区委常委会", "同意", D("2026-04-01"), Today)).Code);
        Assert.Equal((ExitStatus.Decided, ExitOutcome.Rejected), (decided.Status, decided.Outcome!.Value));
        Assert.Equal((ExitStatus.Withdrawn, "本人撤回辞职申请"), (withdrawn.Status, withdrawn.DecisionText!));
    }

    [Theory]
    [InlineData("2026-03-01", "Cadre.ClosedBeforeOpened")]
    [InlineData("2026-07-01", "Cadre.DayInFuture")]
    public void ExitCase_DecidedBeforeItWasOpenedOrAfterToday_IsRefused_AndStaysProposed(string on, string code)
    {
        var c = Exit();

        var ex = Refused(() => c.Decide(ExitOutcome.Approved, "区委常委会", "同意", D(on), Today));

        Assert.Equal((code, "decidedOn"), (ex.Code, ex.Field));
        Assert.Equal(ExitStatus.Proposed, c.Status);
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-06-30")]
    public void ExitCase_DecidedOnTheOpeningDayOrToday_IsAccepted(string on)
    {
        var c = Exit();

        c.Decide(ExitOutcome.Approved, "区委常委会", "免去其职务", D(on), Today);

        Assert.Equal(D(on), c.DecidedOn);
    }

    [Fact]
    public void ExitCase_WithoutGroundsOrDecidingBody_IsRefused()
    {
        Assert.Equal("grounds", Refused(() => ExitCase.Open(7, 1, ExitKind.Dismissal, " ", D("2026-03-02"), Today)).Field);
        Assert.Equal("kind", Refused(() => ExitCase.Open(7, 1, (ExitKind)5, "理由", D("2026-03-02"), Today)).Field);
        Assert.Equal("decidedBy", Refused(() => Exit().Decide(ExitOutcome.Approved, null, "同意", D("2026-03-20"), Today)).Field);
        Assert.Equal("decisionText", Refused(() => Exit().Withdraw("", D("2026-03-20"), Today)).Field);
    }

    [Fact]
    public void Accountability_NamesTheSelectionCase_AndConcludesOnce()
    {
        var c = Accountability();

        c.Conclude("考察组组长未按规定开展两圈考察", [11, 12], "诫勉谈话", D("2026-05-10"), Today);

        Assert.Equal((42, AccountabilityStatus.Concluded, "诫勉谈话"), (c.SelectionCaseId, c.Status, c.Measure!));
        Assert.Equal([11, 12], c.ResponsiblePersonIds);
        Assert.Equal("Cadre.CaseClosed", Refused(() => c.Conclude("再次办结", [], null, D("2026-05-11"), Today)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Accountability_WithoutASelectionCase_IsRefused(int selectionCaseId)
    {
        var ex = Refused(() => AccountabilityCase.Open(1, selectionCaseId, AccountabilityGround.ProcedureNotFollowed, "减省程序", D("2026-03-02"), Today));

        Assert.Equal(("Input.Invalid", "selectionCaseId"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Accountability_OfAnAppointmentWithNoSelectionRecorded_OpensWithoutALink_Id1Links()
    {
        var unlinked = AccountabilityCase.Open(1, null, AccountabilityGround.InspectionNotThorough, "任用早于写实记录", D("2026-03-02"), Today);
        var linked = AccountabilityCase.Open(1, 1, AccountabilityGround.InspectionNotThorough, "考察不深入", D("2026-03-02"), Today);

        Assert.Equal((null, AccountabilityStatus.Open), (unlinked.SelectionCaseId, unlinked.Status));
        Assert.Equal(1, linked.SelectionCaseId);
    }

    [Fact]
    public void Accountability_PeopleHeldResponsibleNeedAMeasure_NobodyNeedsNone()
    {
        var ex = Refused(() => Accountability().Conclude("考察不深入", [11], " ", D("2026-05-10"), Today));
        Assert.Equal(("Input.Required", "measure"), (ex.Code, ex.Field));

        var cleared = Accountability();
        cleared.Conclude("经核查，考察程序完整，不予追究", [], null, D("2026-05-10"), Today);
        Assert.Equal((AccountabilityStatus.Concluded, null), (cleared.Status, cleared.Measure));
    }

    [Fact]
    public void Accountability_APersonNamedTwice_OrConcludedBeforeOpening_IsRefused_AndStaysOpen()
    {
        var c = Accountability();

        Assert.Equal("Cadre.PersonTwice", Refused(() => c.Conclude("考察不深入", [11, 11], "通报批评", D("2026-05-10"), Today)).Code);
        Assert.Equal("Cadre.ClosedBeforeOpened", Refused(() => c.Conclude("考察不深入", [11], "通报批评", D("2026-03-01"), Today)).Code);
        Assert.Equal(AccountabilityStatus.Open, c.Status);
    }
}
