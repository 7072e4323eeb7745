using Dangjian.Domain.Awards;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Tests.Awards;

/// <summary>EVA-11: a selection's steps, the quotas and the publicity period, each side of each boundary.</summary>
public sealed class AwardSelectionTests
{
    // 2026-03-02 is a Monday; five working days end on Friday 2026-03-06.
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly HolidayCalendar Calendar = new([], [], []);

    private static AwardSelection Selection(int memberQuota = 1)
    {
        var s = AwardSelection.Open(7, 2025, "2025年度\"两优一先\"", 1, memberQuota, 0);
        var a = s.Nominate(AwardCategory.ExcellentMember, 11, null, "张三", "第一支部", "带头办实事");
        var b = s.Nominate(AwardCategory.ExcellentMember, 12, null, "李四", "第二支部", "服务群众");
        var c = s.Nominate(AwardCategory.AdvancedOrganization, null, 21, "第一支部", "党委", "三会一课规范");
        (a.Id, b.Id, c.Id) = (1, 2, 3);
        return s;
    }

    private static Dictionary<int, IReadOnlyList<AwardRefusal>> AllEligible(AwardSelection s) =>
        s.Nominations.ToDictionary(n => n.Id, _ => (IReadOnlyList<AwardRefusal>)[]);

    private static AwardSelection Decided(params int[] chosen)
    {
        var s = Selection(memberQuota: 2);
        s.RecordCheck(AllEligible(s));
        s.Decide(chosen);
        return s;
    }

    [Fact]
    public void Open_WithoutAnyQuota_Refused_ANegativeQuota_Refused()
    {
        Assert.Equal("Award.NoQuota", Assert.Throws<DomainRuleException>(() => AwardSelection.Open(7, 2025, "评选", 0, 0, 0)).Code);
        Assert.Equal("memberQuota", Assert.Throws<DomainRuleException>(() => AwardSelection.Open(7, 2025, "评选", 0, -1, 1)).Field);
        Assert.Equal(1, AwardSelection.Open(7, 2025, "评选", 0, 0, 1).PartyWorkerQuota);
    }

    [Fact]
    public void Nominate_APersonForTheOrganizationCategory_Refused_Twice_Refused_ACategoryWithoutQuota_Refused()
    {
        var s = Selection();
        Assert.Equal("nomineeOrganizationId", Assert.Throws<DomainRuleException>(() => s.Nominate(AwardCategory.AdvancedOrganization, 11, null, "张三", "x", "y")).Field);
        Assert.Equal("Award.AlreadyNominated", Assert.Throws<DomainRuleException>(() => s.Nominate(AwardCategory.ExcellentMember, 11, null, "张三", "x", "y")).Code);
        Assert.Equal("Award.CategoryWithoutQuota", Assert.Throws<DomainRuleException>(() => s.Nominate(AwardCategory.ExcellentPartyWorker, 11, null, "张三", "x", "y")).Code);
        Assert.Equal(3, s.Nominations.Count);
    }

    [Fact]
    public void RecordCheck_MarksEachEligibleOrRefused_WithTheReasons()
    {
        var s = Selection();
        var refusals = AllEligible(s);
        refusals[2] = [new AwardRefusal(AwardEligibility.OpenNotice, ["1"])];
        s.RecordCheck(refusals);
        Assert.Equal(AwardSelectionStatus.Checked, s.Status);
        Assert.Equal([NominationEligibility.Eligible, NominationEligibility.Refused, NominationEligibility.Eligible], s.Nominations.Select(n => n.Eligibility));
        Assert.Equal(["Award.Refused.OpenNotice(1)"], s.Nominations[1].Refusals);
        Assert.Equal("Award.WrongStatus", Assert.Throws<DomainRuleException>(() => s.Nominate(AwardCategory.ExcellentMember, 13, null, "王五", "x", "y")).Code);
    }

    [Fact]
    public void Decide_AtTheQuota_Accepted_OneOver_Refused_ARefusedNominee_Refused()
    {
        var s = Selection(memberQuota: 1);
        var refusals = AllEligible(s);
        refusals[3] = [new AwardRefusal(AwardEligibility.GradeBelowMinimum, ["基本称职", "称职"])];
        s.RecordCheck(refusals);

        Assert.Equal("Award.OverQuota", Assert.Throws<DomainRuleException>(() => s.Decide([1, 2])).Code);
        Assert.Equal("Award.ChosenNotEligible", Assert.Throws<DomainRuleException>(() => s.Decide([3])).Code);
        Assert.Equal(AwardSelectionStatus.Checked, s.Status);
        Assert.DoesNotContain(s.Nominations, n => n.Chosen);

        s.Decide([1]);
        Assert.Equal(AwardSelectionStatus.Decided, s.Status);
        Assert.Equal([true, false, false], s.Nominations.Select(n => n.Chosen));
    }

    [Fact]
    public void Publicize_FiveWorkingDays_FromToday_Accepted_FromYesterday_Refused()
    {
        var s = Decided(1, 2);
        Assert.Equal("Award.PublicityInPast", Assert.Throws<DomainRuleException>(() => s.Publicize(Monday.AddDays(-1), Monday, Calendar, AwardRules.Default)).Code);
        s.Publicize(Monday, Monday, Calendar, AwardRules.Default);
        Assert.Equal((Monday, new DateOnly(2026, 3, 6)), (s.PublicityFrom!.Value, s.PublicityTo!.Value));
    }

    [Fact]
    public void Award_OnThePeriodsLastDay_Refused_TheDayAfter_RecordsTheChosen()
    {
        var s = Decided(1, 3);
        s.Publicize(Monday, Monday, Calendar, AwardRules.Default);
        Assert.Equal("Award.PublicityNotOver", Assert.Throws<DomainRuleException>(() => s.Award(s.PublicityTo!.Value)).Code);
        Assert.Equal(AwardSelectionStatus.Publicity, s.Status);

        var records = s.Award(s.PublicityTo!.Value.AddDays(1));
        Assert.Equal(AwardSelectionStatus.Awarded, s.Status);
        Assert.Equal([(AwardCategory.ExcellentMember, (int?)11, (int?)null), (AwardCategory.AdvancedOrganization, null, 21)], records.Select(r => (r.Category, r.PersonId, r.NomineeOrganizationId)));
    }

    [Fact]
    public void Object_OnTheLastDay_Accepted_TheDayAfter_Refused_AnUpheldObjection_RemovesTheAward()
    {
        var s = Decided(1, 2);
        s.Publicize(Monday, Monday, Calendar, AwardRules.Default);
        var last = s.PublicityTo!.Value;
        Assert.Equal("Award.NotInPublicity", Assert.Throws<DomainRuleException>(() => s.FileObjection(1, "不实", null, last.AddDays(1))).Code);
        var o = s.FileObjection(1, "事迹不实", null, last);
        o.Id = 5;
        Assert.Equal("Award.ObjectionsOpen", Assert.Throws<DomainRuleException>(() => s.Award(last.AddDays(1))).Code);

        s.AnswerObjection(5, upheld: true, "经核实，情况属实", "组织委员", last);
        Assert.Equal("Award.ObjectionAnswered", Assert.Throws<DomainRuleException>(() => s.AnswerObjection(5, false, "再答", "组织委员", last)).Code);
        var records = s.Award(last.AddDays(1));
        Assert.Equal([12], records.Select(r => r.PersonId!.Value));
        Assert.True(s.Nominations[0].RemovedByObjection);
    }

    [Fact]
    public void AnswerObjection_NotUpheld_KeepsTheAward()
    {
        var s = Decided(1);
        s.Publicize(Monday, Monday, Calendar, AwardRules.Default);
        s.FileObjection(1, "有异议", "群众", Monday).Id = 9;
        s.AnswerObjection(9, upheld: false, "经核实，不属实", "组织委员", Monday);
        Assert.Equal([11], s.Award(s.PublicityTo!.Value.AddDays(1)).Select(r => r.PersonId!.Value));
    }
}
