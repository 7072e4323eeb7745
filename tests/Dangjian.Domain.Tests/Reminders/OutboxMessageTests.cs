using Dangjian.Domain.Common;
using Dangjian.Domain.Reminders;

namespace Dangjian.Domain.Tests.Reminders;

/// <summary>The outbox's back-off and give-up rules, the cleaning of secrets, and a person's channel choice.</summary>
public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Message() => OutboxMessage.Enqueue("dues:2026-11:person:42", ReminderChannel.Email, 42, 7, "党费提醒", "您有 2 个月党费未交。", Now);

    [Fact]
    public void Enqueue_IsPendingAndDueAtOnce()
    {
        var m = Message();
        Assert.Equal(OutboxState.Pending, m.State);
        Assert.Equal(0, m.Attempts);
        Assert.True(m.IsDue(Now));
        Assert.False(m.IsDue(Now.AddSeconds(-1)));
    }

    [Fact]
    public void MarkSent_SentOnce_ThenRefused()
    {
        var m = Message();
        m.MarkSent(Now);
        Assert.Equal(OutboxState.Sent, m.State);
        Assert.Equal(Now, m.SentAt);
        Assert.Equal(1, m.Attempts);
        Assert.False(m.IsDue(Now.AddDays(1)));
        var e = Assert.Throws<DomainRuleException>(() => m.MarkSent(Now));
        Assert.Equal("Reminder.NotPending", e.Code);
        Assert.Throws<DomainRuleException>(() => m.MarkFailed("x", Now));
        Assert.Equal(1, m.Attempts);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    public void MarkFailed_BeforeTheLastAttempt_WaitsTheBackoff_StaysPending(int failures, int minutes)
    {
        var m = Message();
        for (var i = 0; i < failures; i++)
        {
            m.MarkFailed("550 mailbox unavailable", Now);
        }

        Assert.Equal(OutboxState.Pending, m.State);
        Assert.Equal(failures, m.Attempts);
        Assert.Equal(Now.AddMinutes(minutes), m.NextAttemptAt);
        Assert.False(m.IsDue(Now.AddMinutes(minutes).AddSeconds(-1)));
        Assert.True(m.IsDue(Now.AddMinutes(minutes)));
        Assert.Equal("550 mailbox unavailable", m.LastError);
    }

    [Fact]
    public void Expire_AWeekAfterEnqueue_ExpiresUnsent_ASecondEarlierIsRefused()
    {
        var m = Message();
        var week = Now + ReminderRules.ExpireAfter;
        Assert.Equal(TimeSpan.FromDays(7), ReminderRules.ExpireAfter);
        Assert.False(m.IsStale(week.AddSeconds(-1)));
        Assert.Equal("Reminder.NotStale", Assert.Throws<DomainRuleException>(() => m.Expire(week.AddSeconds(-1))).Code);
        Assert.Equal(OutboxState.Pending, m.State);

        Assert.True(m.IsStale(week));
        m.Expire(week);

        Assert.Equal(OutboxState.Expired, m.State);
        Assert.Equal(0, m.Attempts);
        Assert.Null(m.SentAt);
        Assert.False(m.IsDue(week.AddDays(1)));
        Assert.False(m.IsStale(week.AddDays(1)));
        Assert.Equal("Reminder.NotPending", Assert.Throws<DomainRuleException>(() => m.MarkSent(week)).Code);
        Assert.Throws<DomainRuleException>(() => m.Expire(week));
    }

    [Fact]
    public void Expire_WhileASenderHoldsIt_IsNotStale_UntilTheClaimRunsOut()
    {
        var m = Message();
        var week = Now + ReminderRules.ExpireAfter;
        m.ClaimedUntil = week.AddMinutes(5);

        Assert.False(m.IsStale(week));
        Assert.False(m.IsStale(week.AddMinutes(5)));
        Assert.True(m.IsStale(week.AddMinutes(5).AddTicks(1)));
    }

    [Fact]
    public void Expire_SentOrGivenUp_IsNeverStale()
    {
        var sent = Message();
        sent.MarkSent(Now);
        Assert.False(sent.IsStale(Now.AddDays(30)));
        Assert.Throws<DomainRuleException>(() => sent.Expire(Now.AddDays(30)));
    }

    [Fact]
    public void MarkFailed_TheFifthTime_GivesUp()
    {
        var m = Message();
        for (var i = 0; i < ReminderRules.MaxAttempts - 1; i++)
        {
            m.MarkFailed("timeout", Now);
        }

        Assert.Equal(OutboxState.Pending, m.State);
        m.MarkFailed("timeout", Now);
        Assert.Equal(OutboxState.Failed, m.State);
        Assert.Equal(ReminderRules.MaxAttempts, m.Attempts);
        Assert.False(m.IsDue(Now.AddDays(30)));
    }

    [Fact]
    public void RetryAfter_Boundaries()
    {
        Assert.Null(ReminderRules.RetryAfter(0));
        Assert.Equal(TimeSpan.FromMinutes(1), ReminderRules.RetryAfter(1));
        Assert.Equal(TimeSpan.FromHours(2), ReminderRules.RetryAfter(ReminderRules.MaxAttempts - 1));
        Assert.Null(ReminderRules.RetryAfter(ReminderRules.MaxAttempts));
    }

    [Fact]
    public void IsDue_WhileClaimed_NotDue_AfterTheClaim_Due()
    {
        var m = Message();
        m.ClaimedUntil = Now.AddMinutes(5);
        Assert.False(m.IsDue(Now.AddMinutes(5)));
        Assert.True(m.IsDue(Now.AddMinutes(5).AddTicks(1)));
    }

    [Theory]
    [InlineData("身份证 11010519491231002X 已核", "身份证 *** 已核")]
    [InlineData("code ABCDEFGH23456789", "code ***")]
    [InlineData("code ABCDEFGH2345678", "code ABCDEFGH2345678")]
    [InlineData("会议 2026-12-08 14:30", "会议 2026-12-08 14:30")]
    public void Clean_RemovesIdNumbersAndLongCodes(string text, string cleaned)
    {
        Assert.Equal(cleaned, ReminderRules.Clean(text));
        Assert.Equal(cleaned, OutboxMessage.Enqueue("k", ReminderChannel.Robot, 1, 1, text, text, Now).Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Enqueue_WithoutKey_Refused(string key) =>
        Assert.Equal("Input.Invalid", Assert.Throws<DomainRuleException>(() => OutboxMessage.Enqueue(key, ReminderChannel.Robot, 1, 1, "s", "b", Now)).Code);

    [Theory]
    [InlineData("zhang.san@example.cn", true)]
    [InlineData("a@b.cn", true)]
    [InlineData("zhang.san", false)]
    [InlineData("zhang@", false)]
    [InlineData("@example.cn", false)]
    [InlineData("zhang@example", false)]
    [InlineData("zhang san@example.cn", false)]
    [InlineData("a@@example.cn", false)]
    public void Choose_Email_MustLookLikeAnAddress(string email, bool accepted)
    {
        var p = ReminderPreference.Default(42);
        if (accepted)
        {
            p.Choose(email, true, false);
            Assert.True(p.Wants(ReminderChannel.Email));
            Assert.False(p.Wants(ReminderChannel.Robot));
        }
        else
        {
            var e = Assert.Throws<DomainRuleException>(() => p.Choose(email, true, false));
            Assert.Equal(("Reminder.Email", "email"), (e.Code, e.Field));
            Assert.Null(p.Email);
            Assert.True(p.RobotOn);
        }
    }

    [Fact]
    public void Choose_EmailOnWithoutAddress_Refused_OffWithoutAddress_Accepted()
    {
        var p = ReminderPreference.Default(42);
        Assert.Equal("Reminder.EmailNeeded", Assert.Throws<DomainRuleException>(() => p.Choose(" ", true, true)).Code);
        p.Choose(null, false, true);
        Assert.False(p.Wants(ReminderChannel.Email));
        Assert.True(p.Wants(ReminderChannel.Robot));
    }

    [Fact]
    public void Default_RobotOnly()
    {
        var p = ReminderPreference.Default(1);
        Assert.True(p.Wants(ReminderChannel.Robot));
        Assert.False(p.Wants(ReminderChannel.Email));
    }

    [Fact]
    public void ChannelsAmong_OnlyWantedChannelsThatAreConfigured_TheChoiceStaysAsItWas()
    {
        var both = new ReminderPreference { PersonId = 1 };
        both.Choose("li@example.cn", emailOn: true, robotOn: true);

        Assert.Equal([ReminderChannel.Email, ReminderChannel.Robot], both.ChannelsAmong([ReminderChannel.Email, ReminderChannel.Robot]));
        Assert.Equal([ReminderChannel.Email], both.ChannelsAmong([ReminderChannel.Email]));
        Assert.Equal([ReminderChannel.Robot], both.ChannelsAmong([ReminderChannel.Robot]));
        Assert.Empty(both.ChannelsAmong([]));
        Assert.True(both.Wants(ReminderChannel.Email) && both.Wants(ReminderChannel.Robot));

        // Configured but not wanted: nothing on it either.
        Assert.Empty(ReminderPreference.Default(2).ChannelsAmong([ReminderChannel.Email]));
    }
}
