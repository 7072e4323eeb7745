using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>A meeting's and its items' own transitions (MTG-1 … MTG-7): calling, attendance, the votes, the decision, escalation and the ruling.</summary>
public sealed class MeetingTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DecisionRules Rules = DecisionRules.Default;

    /// <summary>A committee of <paramref name="members"/> (person ids 1…n, the secretary 1), the first <paramref name="present"/> present, with one pending item.</summary>
    private static (Meeting Meeting, AgendaItem Item) Held(int members = 5, int present = 5, VoteMode mode = VoteMode.Open, ItemCategory category = ItemCategory.Routine)
    {
        var meeting = Meeting.Call(3, MeetingType.CommitteeMeeting, "支委会", Now);
        meeting.SecretaryPersonId = 1;
        for (var i = 1; i <= members; i++)
        {
            meeting.Participants.Add(new MeetingParticipant { PersonId = i, Entitled = true, Attendance = i <= present ? Attendance.Present : Attendance.Absent });
        }

        var item = new AgendaItem { Id = 9, Order = 1, Title = "议题", Category = category, VoteMode = mode };
        meeting.Items.Add(item);
        return (meeting, item);
    }

    private static DomainRuleException Refusal(Action act) => Assert.Throws<DomainRuleException>(act);

    private static (int, VoteChoice)[] Votes(params VoteChoice[] choices) => [.. choices.Select((c, i) => (i + 1, c))];

    // ---- Calling, cancelling, closing

    [Fact]
    public void Call_StartsNotified() => Assert.Equal(MeetingStatus.Notified, Meeting.Call(3, MeetingType.MembersAssembly, "党员大会", Now).Status);

    [Fact]
    public void Cancel_NothingDecided_Cancelled()
    {
        var (m, _) = Held();

        m.Cancel();

        Assert.Equal(MeetingStatus.Cancelled, m.Status);
    }

    [Fact]
    public void Cancel_AnItemDecided_RefusedAndNotCancelled()
    {
        var (m, item) = Held();
        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.For, VoteChoice.For), Rules, Now);

        Assert.Equal("Meeting.HasDecisions", Refusal(m.Cancel).Code);
        Assert.NotEqual(MeetingStatus.Cancelled, m.Status);
    }

    [Fact]
    public void Close_SecretVoteOpen_Refused()
    {
        var (m, item) = Held(mode: VoteMode.Secret);
        m.StartSecretVote(item);

        Assert.Equal("Meeting.VoteStillOpen", Refusal(m.Close).Code);
    }

    [Fact]
    public void Close_Closed_RefusedAsClosed()
    {
        var (m, _) = Held();
        m.Close();

        Assert.Equal("Meeting.Closed", Refusal(m.Close).Code);
    }

    // ---- Attendance (MTG-3)

    [Fact]
    public void RecordAttendance_FirstPresence_StartsTheMeeting()
    {
        var (m, _) = Held();

        m.RecordAttendance(m.Participants[0], Attendance.Present, null, null, null);

        Assert.Equal(MeetingStatus.InProgress, m.Status);
    }

    [Fact]
    public void RecordAttendance_AbsentWithoutReason_Refused() =>
        Assert.Equal("reason", Refusal(() => Held().Meeting.RecordAttendance(new MeetingParticipant(), Attendance.Absent, " ", null, null)).Field);

    [Fact]
    public void RecordAttendance_AbsentWithReason_Recorded()
    {
        var (m, _) = Held();
        var p = m.Participants[1];

        m.RecordAttendance(p, Attendance.Absent, "出差", null, null);

        Assert.Equal((Attendance.Absent, "出差"), (p.Attendance, p.Reason));
    }

    [Theory]
    [InlineData(1, null, true)]
    [InlineData(2, null, false)] // one item on the agenda: arriving at the second is out of range
    [InlineData(0, null, false)]
    [InlineData(null, 1, true)]
    [InlineData(null, 2, false)]
    public void RecordAttendance_PartialPresenceWithinTheAgenda(int? arrived, int? left, bool ok)
    {
        var (m, _) = Held();

        var act = () => m.RecordAttendance(m.Participants[0], Attendance.Present, null, arrived, left);

        if (ok)
        {
            act();
        }
        else
        {
            Assert.Equal("Input.OutOfRange", Refusal(act).Code);
        }
    }

    [Fact]
    public void RecordAttendance_LeftBeforeArriving_Refused()
    {
        var (m, _) = Held();
        m.Items.Add(new AgendaItem { Order = 2, Title = "二" });
        m.Items.Add(new AgendaItem { Order = 3, Title = "三" });

        Assert.Equal("Meeting.LeftBeforeArriving", Refusal(() => m.RecordAttendance(m.Participants[0], Attendance.Present, null, 3, 2)).Code);
    }

    [Fact]
    public void RecordAttendance_AbsentButArriving_Refused() =>
        Assert.Contains(Refusal(() => Held().Meeting.RecordAttendance(new MeetingParticipant(), Attendance.Absent, "病假", 1, null)).Problems, p => p.Code == "Meeting.PartialOnlyWhenPresent");

    // ---- Open votes (MTG-6) and escalation (MTG-7)

    [Fact]
    public void RecordOpenVotes_ThreeOfFiveFor_PassedAndDecided()
    {
        var (m, item) = Held();

        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.Against, VoteChoice.Against), Rules, Now);

        Assert.Equal((ItemStatus.Decided, ItemOutcome.Passed, 3, 2), (item.Status, item.Outcome, item.VotesFor, item.VotesAgainst));
        Assert.Equal(5, item.Votes.Count);
    }

    [Fact]
    public void RecordOpenVotes_SecretaryOutvoted_AwaitsTheSuperiorsRuling()
    {
        var (m, item) = Held();

        // The secretary (person 1) votes for; the majority against: 一把手的意见与多数意见相左.
        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.Against, VoteChoice.Against, VoteChoice.Against, VoteChoice.Abstain), Rules, Now);

        Assert.Equal((ItemStatus.AwaitingRuling, true, VoteChoice.For), (item.Status, item.Escalated, item.SecretaryView));
        Assert.Null(item.FinalOutcome);
    }

    [Fact]
    public void RecordOpenVotes_SecretaryWithTheMajority_DecidedNotEscalated()
    {
        var (m, item) = Held();

        m.RecordOpenVotes(item, Votes(VoteChoice.Against, VoteChoice.Against, VoteChoice.Against, VoteChoice.For, VoteChoice.For), Rules, Now);

        Assert.Equal((ItemStatus.Decided, false), (item.Status, item.Escalated));
    }

    [Fact]
    public void RecordOpenVotes_AbsentMemberAndTwice_EachNamed()
    {
        var (m, item) = Held(members: 5, present: 3);

        var e = Refusal(() => m.RecordOpenVotes(item, [(1, VoteChoice.For), (4, VoteChoice.For), (1, VoteChoice.Against)], Rules, Now));

        Assert.Equal(["votes[1].personId", "votes[2].personId"], e.Problems.Select(p => p.Field));
        Assert.Equal(ItemStatus.Pending, item.Status);
    }

    [Fact]
    public void RecordOpenVotes_NoVotes_Refused()
    {
        var (m, item) = Held();

        Assert.Equal("votes", Refusal(() => m.RecordOpenVotes(item, [], Rules, Now)).Field);
    }

    [Fact]
    public void RecordOpenVotes_SecretItem_WrongVoteMode()
    {
        var (m, item) = Held(mode: VoteMode.Secret);

        Assert.Equal("Meeting.WrongVoteMode", Refusal(() => m.RecordOpenVotes(item, Votes(VoteChoice.For), Rules, Now)).Code);
    }

    [Fact]
    public void RecordOpenVotes_HalfPresent_NotDecided()
    {
        // Quorum: more than half of the members entitled must be present for the item (MTG-3).
        var (m, item) = Held(members: 4, present: 2);

        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.For), Rules, Now);

        Assert.Equal((ItemStatus.Decided, ItemOutcome.NotDecided), (item.Status, item.Outcome));
    }

    [Fact]
    public void RecordOpenVotes_OneMoreThanHalfPresent_Decided()
    {
        var (m, item) = Held(members: 4, present: 3);

        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.For, VoteChoice.For), Rules, Now);

        Assert.Equal(ItemOutcome.Passed, item.Outcome);
    }

    // ---- Secret votes

    [Fact]
    public void StartSecretVote_TakesTheAttendanceAndVotes()
    {
        var (m, item) = Held(members: 5, present: 4, mode: VoteMode.Secret);

        var attendance = m.StartSecretVote(item);

        Assert.Equal((5, 4), (attendance.Entitled, attendance.Present));
        Assert.Equal((ItemStatus.Voting, 4), (item.Status, item.PresentCount));
    }

    [Fact]
    public void StartSecretVote_NobodyPresent_Refused()
    {
        var (m, item) = Held(present: 0, mode: VoteMode.Secret);

        Assert.Equal("Meeting.NobodyPresent", Refusal(() => m.StartSecretVote(item)).Code);
        Assert.Equal(ItemStatus.Pending, item.Status);
    }

    [Fact]
    public void StartSecretVote_Twice_NotPending() =>
        Assert.Equal("Meeting.ItemNotPending", Refusal(() =>
        {
            var (m, i) = Held(mode: VoteMode.Secret);
            m.StartSecretVote(i);
            m.StartSecretVote(i);
        }).Code);

    [Fact]
    public void CloseSecretVote_CountsOnTheAttendanceTakenAtTheStart()
    {
        var (m, item) = Held(members: 5, present: 5, mode: VoteMode.Secret);
        m.StartSecretVote(item);
        m.Participants[4].Attendance = Attendance.Absent; // leaving after the codes were handed out changes nothing

        item.CloseSecretVote(new VoteCounts(3, 2, 0), Rules, Now);

        Assert.Equal((ItemStatus.Decided, ItemOutcome.Passed, 5), (item.Status, item.Outcome, item.PresentCount));
    }

    [Fact]
    public void CloseSecretVote_NotVoting_Refused() =>
        Assert.Equal("Meeting.NoSecretVote", Refusal(() => Held().Item.CloseSecretVote(new VoteCounts(1, 0, 0), Rules, Now)).Code);

    // ---- The administrative head's decision

    [Fact]
    public void RecordHeadDecision_QuorumMet_DecidedAsRecordedNeverEscalated()
    {
        var (m, item) = Held(mode: VoteMode.AdministrativeHead);

        m.RecordHeadDecision(item, ItemOutcome.Rejected, Rules, Now);

        Assert.Equal((ItemStatus.Decided, ItemOutcome.Rejected, false), (item.Status, item.Outcome, item.Escalated));
    }

    [Fact]
    public void RecordHeadDecision_NoOutcome_Refused()
    {
        var (m, item) = Held(mode: VoteMode.AdministrativeHead);

        Assert.Equal("outcome", Refusal(() => m.RecordHeadDecision(item, ItemOutcome.NotDecided, Rules, Now)).Field);
    }

    // ---- Withdrawal (MTG-4), the ruling (MTG-7), the follow-up (MTG-10)

    [Fact]
    public void Withdraw_Mandatory_Refused()
    {
        var (_, item) = Held();
        item.Mandatory = true;

        Assert.Equal("Meeting.ItemMandatory", Refusal(item.Withdraw).Code);
        Assert.Equal(ItemStatus.Pending, item.Status);
    }

    [Fact]
    public void Withdraw_NotMandatory_Withdrawn()
    {
        var (_, item) = Held();

        item.Withdraw();

        Assert.Equal(ItemStatus.Withdrawn, item.Status);
    }

    [Fact]
    public void Rule_Escalated_RuledAndTheRulingStands()
    {
        var (m, item) = Held();
        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.Against, VoteChoice.Against, VoteChoice.Against, VoteChoice.Against), Rules, Now);

        item.Rule(ItemOutcome.Passed, " 同意实施 ", 2, "orgadmin.a", Now);

        Assert.Equal((ItemStatus.Ruled, ItemOutcome.Passed, "同意实施", 2), (item.Status, item.FinalOutcome, item.RulingText, item.RulingOrganizationId));
    }

    [Fact]
    public void Rule_NotEscalated_Refused()
    {
        var (m, item) = Held();
        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.For, VoteChoice.For), Rules, Now);

        Assert.Equal("Meeting.NotAwaitingRuling", Refusal(() => item.Rule(ItemOutcome.Passed, "x", 2, "a", Now)).Code);
    }

    [Fact]
    public void Rule_NoOutcomeNoText_BothNamed()
    {
        var (m, item) = Held();
        m.RecordOpenVotes(item, Votes(VoteChoice.For, VoteChoice.Against, VoteChoice.Against, VoteChoice.Against, VoteChoice.Against), Rules, Now);

        Assert.Equal(["outcome", "text"], Refusal(() => item.Rule(null, " ", 2, "a", Now)).Problems.Select(p => p.Field));
        Assert.Equal(ItemStatus.AwaitingRuling, item.Status);
    }

    [Fact]
    public void RecordFollowUp_BeforeTheDecision_Refused() =>
        Assert.Equal("Meeting.NotDecidedYet", Refusal(() => Held().Item.RecordFollowUp("已落实")).Code);
}
