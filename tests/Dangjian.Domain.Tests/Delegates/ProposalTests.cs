using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Delegates;

namespace Dangjian.Domain.Tests.Delegates;

/// <summary>
/// DEL-2: a proposal's co-signer minimum, its deadline in working days, the rating outcomes (any 不满意 sends it back for
/// another round, keeping the history) and the supervision list's boundary.
/// </summary>
public sealed class ProposalTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Shipped;

    private static CongressTerm Term(DateOnly? endsOn = null)
    {
        var t = CongressTerm.Open(9, 5, new DateOnly(2024, 1, 1), endsOn);
        t.Id = 3;
        return t;
    }

    /// <summary>Seats for people 101…105 of the term, 105 ended; person 200 holds a seat of another term.</summary>
    private static List<DelegateSeat> Seats()
    {
        var term = Term();
        var delegation = Delegation.Form(term, "城关镇代表团", null);
        delegation.Id = 1;
        var seats = Enumerable.Range(101, 5).Select((p, i) =>
        {
            var s = DelegateSeat.Seat(term, delegation, p, null, []);
            s.Id = i + 1;
            return s;
        }).ToList();
        seats[4].End(term, Today, "调离本区", Today);
        seats.Add(new DelegateSeat { Id = 9, TermId = 4, DelegationId = 2, PersonId = 200 });
        return seats;
    }

    private static Proposal File(int lead = 101, int[]? coSigners = null, ProposalRules? rules = null, CongressTerm? term = null) =>
        Proposal.File(term ?? Term(), Seats(), lead, coSigners ?? [102, 103], "关于加强农村人居环境整治的提案", "建议设立专项资金……", "代表 张三", Today, rules ?? ProposalRules.Defaults);

    private static Proposal Answered(int[]? coSigners = null)
    {
        var p = File(coSigners: coSigners);
        p.Register(Today);
        p.Assign(12, ProposalRules.Deadline(Calendar, Today, 20), Today);
        p.Answer("已纳入明年财政预算", "城建办 李四", Today.AddDays(10));
        return p;
    }

    [Theory]
    [InlineData(new[] { 102 }, false)]
    [InlineData(new[] { 102, 103 }, true)]
    [InlineData(new[] { 102, 102, 101 }, false)]
    public void File_CoSignersAgainstTheMinimumOfTwo_BelowIsRefused_AtIsAccepted(int[] coSigners, bool accepted)
    {
        if (accepted)
        {
            var p = File(coSigners: coSigners);
            Assert.Equal([(101, true), (102, false), (103, false)], p.Proposers.Select(x => (x.PersonId, x.IsLead)));
            Assert.Equal((ProposalStatus.Filed, 9, 3), (p.Status, p.OrganizationId, p.TermId));
        }
        else
        {
            var e = Assert.Throws<DomainRuleException>(() => File(coSigners: coSigners));
            Assert.Equal(("coSignerPersonIds", "Proposal.TooFewCoSigners"), (e.Field, e.Code));
        }
    }

    [Fact]
    public void File_WithAMinimumOfZero_ADelegateFilesAlone()
    {
        var p = File(coSigners: [], rules: new ProposalRules(MinimumCoSigners: 0));
        Assert.Single(p.Proposers);
    }

    [Theory]
    [InlineData(106, new[] { 102, 103 }, "leadPersonId")]
    [InlineData(105, new[] { 102, 103 }, "leadPersonId")]
    [InlineData(200, new[] { 102, 103 }, "leadPersonId")]
    [InlineData(101, new[] { 102, 105 }, "coSignerPersonIds")]
    [InlineData(101, new[] { 102, 200 }, "coSignerPersonIds")]
    public void File_ByOrWithSomeoneNotServingInTheTerm_Refused(int lead, int[] coSigners, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => File(lead, coSigners));
        Assert.Contains(e.Problems, p => p.Field == field);
    }

    [Fact]
    public void File_AfterTheTermEnded_Refused_OnItsLastDay_Accepted()
    {
        Assert.Equal("termId", Assert.Throws<DomainRuleException>(() => File(term: Term(Today.AddDays(-1)))).Field);
        Assert.Equal(ProposalStatus.Filed, File(term: Term(Today)).Status);
    }

    [Fact]
    public void File_EveryProblemNamedAtOnce()
    {
        var e = Assert.Throws<DomainRuleException>(() => Proposal.File(Term(), Seats(), 999, [200], " ", "", "x", Today, ProposalRules.Defaults));
        Assert.Equal(["leadPersonId", "coSignerPersonIds", "title", "content"], e.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("2026-09-30", 3, "2026-10-10")] // 国庆节 1–7 October; Saturday 10 October is a make-up workday
    [InlineData("2026-12-04", 1, "2026-12-07")] // Friday: the next working day is Monday
    [InlineData("2026-12-31", 1, "2027-01-01")] // a year the calendar lacks: Monday to Friday count
    [InlineData("2026-06-01", 20, "2026-06-30")] // 端午节 19 June is a holiday
    public void Deadline_CountsWorkingDaysAfterTheAssignment(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ProposalRules.Deadline(Calendar, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void IsOverdueOn_TheDeadlineIsNot_TheDayAfterIs()
    {
        var p = File();
        p.Register(Today);
        p.Assign(12, Today.AddDays(10), Today);
        Assert.False(p.IsOverdueOn(Today.AddDays(10)));
        Assert.True(p.IsOverdueOn(Today.AddDays(11)));
        p.Answer("已办理", "李四", Today.AddDays(12));
        Assert.False(p.IsOverdueOn(Today.AddDays(12)));
        Assert.Equal(Today.AddDays(10), p.Answers[0].Deadline);
    }

    [Fact]
    public void Assign_ADeadlineNotAfterToday_Refused()
    {
        var p = File();
        p.Register(Today);
        Assert.Equal("workingDays", Assert.Throws<DomainRuleException>(() => p.Assign(12, Today, Today)).Field);
        Assert.Equal(ProposalStatus.Registered, p.Status);
        p.Assign(12, Today.AddDays(1), Today);
        Assert.Equal(ProposalStatus.Assigned, p.Status);
    }

    [Fact]
    public void Rate_AllSatisfiedOrBasically_IsRated_ThenClosed()
    {
        var p = Answered();
        p.Rate(101, ProposalRating.Satisfied, Today, Calendar, ProposalRules.Defaults);
        p.Rate(102, ProposalRating.BasicallySatisfied, Today, Calendar, ProposalRules.Defaults);
        Assert.Equal(ProposalStatus.Answered, p.Status);
        Assert.Equal([103], p.AwaitingRating());
        p.Rate(103, ProposalRating.Satisfied, Today, Calendar, ProposalRules.Defaults);
        Assert.Equal(ProposalStatus.Rated, p.Status);
        p.Close(Today);
        Assert.Equal((ProposalStatus.Closed, Today), (p.Status, p.ClosedOn));
    }

    [Fact]
    public void Rate_OneUnsatisfied_GoesBackForHandling_WithANewDeadline_KeepingTheHistory()
    {
        var p = Answered();
        var rated = new DateOnly(2026, 6, 18);
        p.Rate(101, ProposalRating.Satisfied, rated, Calendar, ProposalRules.Defaults);
        p.Rate(102, ProposalRating.Unsatisfied, rated, Calendar, ProposalRules.Defaults);
        Assert.Equal(ProposalStatus.Answered, p.Status); // not until every proposer rated
        p.Rate(103, ProposalRating.BasicallySatisfied, rated, Calendar, ProposalRules.Defaults);

        Assert.Equal((ProposalStatus.Assigned, 2, rated), (p.Status, p.HandlingRound, p.AssignedOn));
        Assert.Equal(ProposalRules.Deadline(Calendar, rated, 10), p.Deadline);
        Assert.Equal(new DateOnly(2026, 7, 3), p.Deadline); // 端午节 19 June does not count

        p.Answer("补充答复：已落实资金", "城建办 李四", rated.AddDays(5));
        Assert.Equal([1, 2], p.Answers.Select(a => a.Round));
        Assert.Equal(3, p.Ratings.Count(r => r.Round == 1));
        Assert.Equal([101, 102, 103], p.AwaitingRating());
    }

    [Fact]
    public void Rate_ByANonProposer_Or_Twice_Or_BeforeTheAnswer_Refused_AndNothingChanges()
    {
        var p = Answered();
        Assert.Equal("Proposal.NotAProposer", Assert.Throws<DomainRuleException>(() => p.Rate(104, ProposalRating.Satisfied, Today, Calendar, ProposalRules.Defaults)).Code);
        p.Rate(101, ProposalRating.Unsatisfied, Today, Calendar, ProposalRules.Defaults);
        Assert.Equal("Proposal.AlreadyRated", Assert.Throws<DomainRuleException>(() => p.Rate(101, ProposalRating.Satisfied, Today, Calendar, ProposalRules.Defaults)).Code);
        Assert.Single(p.Ratings);
        Assert.Equal(ProposalStatus.Answered, p.Status);

        var filed = File();
        Assert.Equal("Proposal.OutOfOrder", Assert.Throws<DomainRuleException>(() => filed.Rate(101, ProposalRating.Satisfied, Today, Calendar, ProposalRules.Defaults)).Code);
        Assert.Empty(filed.Ratings);
    }

    [Fact]
    public void Steps_OutOfOrder_Refused()
    {
        var p = File();
        Assert.Throws<DomainRuleException>(() => p.Assign(12, Today.AddDays(5), Today));
        Assert.Throws<DomainRuleException>(() => p.Answer("x", "y", Today));
        Assert.Throws<DomainRuleException>(() => p.Close(Today));
        p.DeclineRegistration("属于个人诉求，转信访部门办理", Today);
        Assert.Equal(ProposalStatus.NotRegistered, p.Status);
        Assert.False(p.IsPublic);
        Assert.Throws<DomainRuleException>(() => p.Register(Today));
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => File().DeclineRegistration(" ", Today)).Field);
    }

    [Fact]
    public void ToSupervise_OverdueAndDueWithinFiveDays_NotLater_NorAnswered()
    {
        Proposal Assigned(int id, int days)
        {
            var p = File();
            p.Id = id;
            p.Register(Today);
            p.Assign(12, Today.AddDays(1), Today);
            p.Deadline = Today.AddDays(days);
            return p;
        }

        var answered = Assigned(9, -3);
        answered.Answer("已答复", "李四", Today);
        var list = Proposals.ToSupervise([Assigned(1, 6), Assigned(2, 5), Assigned(3, 0), Assigned(4, -1), answered], Today, ProposalRules.Defaults);

        Assert.Equal([4, 3, 2], list.Select(p => p.Id));
    }
}
