using Dangjian.Domain.Common;
using Dangjian.Domain.Delegates;

namespace Dangjian.Domain.Tests.Delegates;

/// <summary>
/// DEL-4: 质询 and 罢免 — who may sign, the thresholds on each side (an inquiry's 5 signers, a recall's fifth of the serving
/// delegates rounded up, the vote of more than half of all serving delegates), the steps in order, and 述职's links.
/// </summary>
public sealed class DelegateMotionTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static CongressTerm Term()
    {
        var t = CongressTerm.Open(9, 5, new DateOnly(2024, 1, 1), null);
        t.Id = 3;
        return t;
    }

    /// <summary>Seats for people 101…(100 + count) of the term, the last one ended; person 200 holds a seat of another term.</summary>
    private static List<DelegateSeat> Seats(int count = 11)
    {
        var term = Term();
        var delegation = Delegation.Form(term, "城关镇代表团", null);
        delegation.Id = 1;
        var seats = Enumerable.Range(101, count).Select((p, i) =>
        {
            var s = DelegateSeat.Seat(term, delegation, p, null, []);
            s.Id = i + 1;
            return s;
        }).ToList();
        seats[^1].End(term, Today, "调离本区", Today);
        seats.Add(new DelegateSeat { Id = 99, TermId = 4, DelegationId = 2, PersonId = 200 });
        return seats;
    }

    private static int[] People(int from, int count) => [.. Enumerable.Range(from, count)];

    private static DelegateMotion Inquiry(int[] coSigners, List<DelegateSeat>? seats = null) =>
        DelegateMotion.File(Term(), seats ?? Seats(), 101, coSigners, MotionKind.Inquiry, MotionTarget.Committee, null, "关于村级集体资金监管的质询", "部分村集体资金使用未公开……", "代表 张三", Today);

    private static DelegateMotion Recall(int[] coSigners, List<DelegateSeat>? seats = null, int target = 110, MotionTarget kind = MotionTarget.Delegate) =>
        DelegateMotion.File(Term(), seats ?? Seats(), 101, coSigners, MotionKind.Recall, kind, target, "关于罢免代表的动议", "该代表长期不履行代表职责……", "代表 张三", Today);

    private static string[] Codes(Action act) => [.. Assert.Throws<DomainRuleException>(act).Problems.Select(p => p.Code)];

    [Theory]
    [InlineData(3, MotionStatus.Refused)] // 4 signers with the lead: one below 5
    [InlineData(4, MotionStatus.Accepted)] // 5 signers: at the threshold
    public void Inquiry_FiveSigners_BelowIsRefusedWithTheCount_AtIsAccepted(int coSigners, MotionStatus expected)
    {
        var seats = Seats();
        var m = Inquiry(People(102, coSigners), seats);
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal(expected, m.Status);
        Assert.Equal((coSigners + 1, 5, 10), (m.SignersCounted!.Value, m.SignersRequired!.Value, m.ServingDelegates!.Value));
    }

    [Theory]
    [InlineData(10, 2)] // 10 serving: a fifth is exactly 2
    [InlineData(11, 3)] // 11 serving: 2.2, rounded up
    [InlineData(0, 1)] // never below one signer
    public void RecallThreshold_IsAFifthOfTheServing_RoundedUp(int serving, int required) =>
        Assert.Equal(required, DelegateMotionRules.Defaults.RequiredSigners(MotionKind.Recall, serving));

    [Theory]
    [InlineData(0, MotionStatus.Refused)] // 1 signer of 10 serving: below 2
    [InlineData(1, MotionStatus.Accepted)] // 2 signers: at a fifth of 10
    public void Recall_AFifthOfTheServingDelegates_BelowIsRefused_AtIsAccepted(int coSigners, MotionStatus expected)
    {
        var seats = Seats(); // 10 serving of 11
        var m = Recall(People(102, coSigners), seats);
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal(expected, m.Status);
        Assert.Equal(2, m.SignersRequired);
    }

    [Fact]
    public void Review_CountsOnlySignersStillServing()
    {
        var seats = Seats();
        var term = Term();
        var m = Inquiry(People(102, 4), seats); // 5 signers
        seats.Single(s => s.PersonId == 105).End(term, Today, "辞去代表职务", Today);
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal((MotionStatus.Refused, 4), (m.Status, m.SignersCounted!.Value));
    }

    [Fact]
    public void CoSign_ServingDelegateOfTheTerm_Once_NotTheRecalled_NotAfterReview()
    {
        var seats = Seats();
        var m = Inquiry(People(102, 3), seats);
        m.CoSign(seats.Single(s => s.PersonId == 106), Today);
        Assert.Equal("Motion.AlreadySigned", Codes(() => m.CoSign(seats.Single(s => s.PersonId == 106), Today)).Single());
        Assert.Equal("Motion.NotServingDelegate", Codes(() => m.CoSign(seats.Single(s => s.PersonId == 111), Today)).Single());
        Assert.Equal("Motion.NotServingDelegate", Codes(() => m.CoSign(seats.Single(s => s.PersonId == 200), Today)).Single());
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal(MotionStatus.Accepted, m.Status); // 5 with the late co-signer
        Assert.Equal("Motion.OutOfOrder", Codes(() => m.CoSign(seats.Single(s => s.PersonId == 107), Today)).Single());

        var r = Recall([102], seats, target: 108);
        Assert.Equal("Motion.TargetSigns", Codes(() => r.CoSign(seats.Single(s => s.PersonId == 108), Today)).Single());
    }

    [Fact]
    public void File_NamesEveryProblemAtOnce()
    {
        var codes = Codes(() => DelegateMotion.File(Term(), Seats(), 111, [200], MotionKind.Inquiry, MotionTarget.Delegate, null, " ", "", "代表", Today));
        Assert.Equal(["Motion.NotServingDelegate", "Motion.CoSignerNotServing", "Motion.TargetOfAnotherKind", "Input.Required", "Input.Required"], codes);
    }

    [Fact]
    public void File_Recall_NeedsAServingDelegateOfTheTermAsTarget_OrACommitteeMember_NeverASigner()
    {
        Assert.Equal("Input.Required", Codes(() => DelegateMotion.File(Term(), Seats(), 101, [102], MotionKind.Recall, MotionTarget.Delegate, null, "罢免", "理由", "代表", Today)).Single());
        Assert.Equal("Motion.TargetNotServing", Codes(() => Recall([102], target: 111)).Single());
        Assert.Equal("Motion.TargetSigns", Codes(() => Recall([102], target: 102)).Single());
        var member = Recall([102], target: 500, kind: MotionTarget.CommitteeMember);
        Assert.Equal((MotionStatus.Filed, 500), (member.Status, member.TargetPersonId!.Value));
        Assert.Null(Inquiry(People(102, 4)).TargetPersonId);
    }

    [Fact]
    public void File_RefusedWhenTheTermHasEnded()
    {
        var ended = CongressTerm.Open(9, 5, new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31));
        ended.Id = 3;
        Assert.Contains("Motion.TermNotRunning", Codes(() => DelegateMotion.File(ended, Seats(), 101, [102], MotionKind.Inquiry, MotionTarget.Committee, null, "质询", "理由", "代表", Today)));
    }

    [Theory]
    [InlineData(5, MotionOutcome.NotRecalled)] // 5 of 10 serving: half, not more than half
    [InlineData(6, MotionOutcome.Recalled)] // 6 of 10: more than half
    public void Vote_MoreThanHalfOfAllServingDelegates_Recalls(int votesFor, MotionOutcome outcome)
    {
        var seats = Seats();
        var m = Recall([102, 103], seats);
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        m.RecordVote(votesFor, 10 - votesFor, 0, 10, 7, 8, DelegateMotionRules.Defaults, Today);
        Assert.Equal((MotionStatus.Voted, outcome, 7, 8), (m.Status, m.Outcome!.Value, m.ElectionProjectId!.Value, m.ElectionRoundId!.Value));
        m.Close(Today);
        Assert.Equal(MotionStatus.Closed, m.Status);
    }

    [Theory]
    [InlineData(5, 5, 0, null)] // 10 ballots of 10 serving: accepted
    [InlineData(5, 5, 1, "Motion.TooManyVotes")]
    [InlineData(-1, 5, 0, "Motion.NegativeVotes")]
    public void Vote_NoMoreBallotsThanServingDelegates_NoneNegative(int votesFor, int against, int abstain, string? code)
    {
        var seats = Seats();
        var m = Recall([102, 103], seats);
        m.Review(seats, DelegateMotionRules.Defaults, Today);
        if (code is null)
        {
            m.RecordVote(votesFor, against, abstain, 10, null, null, DelegateMotionRules.Defaults, Today);
            Assert.Equal(MotionStatus.Voted, m.Status);
        }
        else
        {
            Assert.Equal(code, Codes(() => m.RecordVote(votesFor, against, abstain, 10, null, null, DelegateMotionRules.Defaults, Today)).Single());
            Assert.Equal(MotionStatus.Accepted, m.Status);
        }
    }

    [Fact]
    public void Steps_InOrder_InquiryAnswered_RecallVoted_RefusedIsTheEnd()
    {
        var seats = Seats();
        var inquiry = Inquiry(People(102, 4), seats);
        Assert.Equal("Motion.OutOfOrder", Codes(() => inquiry.Answer("答复", "区委办", Today)).Single());
        inquiry.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal("Motion.OutOfOrder", Codes(() => inquiry.RecordVote(6, 0, 0, 10, null, null, DelegateMotionRules.Defaults, Today)).Single());
        Assert.Equal("Motion.OutOfOrder", Codes(() => inquiry.Close(Today)).Single());
        inquiry.Answer("已责成相关镇整改，资金使用每季度公开。", "区纪委 王五", Today);
        Assert.Equal(MotionStatus.Answered, inquiry.Status);
        inquiry.Close(Today);
        Assert.Null(inquiry.Outcome);

        var refused = Recall([], seats);
        refused.Review(seats, DelegateMotionRules.Defaults, Today);
        Assert.Equal(MotionStatus.Refused, refused.Status);
        Assert.Equal("Motion.OutOfOrder", Codes(() => refused.Close(Today)).Single());
        Assert.Equal("Motion.OutOfOrder", Codes(() => refused.Review(seats, DelegateMotionRules.Defaults, Today)).Single());
    }
}
