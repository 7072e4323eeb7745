using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings.Talks;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Meetings.Talks;

/// <summary>MTG-11: a talk of the register — a day that has come, two different people of the organization, topics; its follow-up.</summary>
public sealed class TalkTests
{
    private static readonly DateOnly Today = D("2027-06-15");
    private static readonly HashSet<int> People = [1, 2, 3];

    private static TalkEntry Entry(string on = "2027-06-01", int initiator = 1, int partner = 2, string? topics = "思想、工作情况", string? followUp = null) =>
        new(D(on), initiator, partner, TalkKind.HeartToHeart, topics, followUp);

    private static Talk Recorded(string on = "2027-06-01") => Talk.Record(10, Entry(on), "secretary", Today, People);

    [Theory]
    [InlineData("2027-06-15", true)]
    [InlineData("2027-06-16", false)]
    public void Record_OnTodayAccepted_TomorrowRefused(string on, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(D(on), Recorded(on).HeldOn);
        }
        else
        {
            var e = Assert.Throws<DomainRuleException>(() => Recorded(on));
            Assert.Equal(("Talks.InFuture", "heldOn"), (e.Code, e.Field));
        }
    }

    [Fact]
    public void Record_WithOneself_Refused_OnPartner()
    {
        var e = Assert.Throws<DomainRuleException>(() => Talk.Record(10, Entry(initiator: 2, partner: 2), "secretary", Today, People));
        Assert.Equal(("Talks.SamePerson", "partnerId"), (e.Code, e.Field));
    }

    [Theory]
    [InlineData(9, 2, "initiatorId")]
    [InlineData(1, 9, "partnerId")]
    public void Record_APersonNotOfTheOrganization_Refused_NamingTheSide(int initiator, int partner, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => Talk.Record(10, Entry(initiator: initiator, partner: partner), "secretary", Today, People));
        Assert.Equal(("Talks.NotOfOrganization", field), (e.Code, e.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Record_WithoutTopics_Refused(string? topics)
    {
        var e = Assert.Throws<DomainRuleException>(() => Talk.Record(10, Entry(topics: topics), "secretary", Today, People));
        Assert.Equal(("Input.Required", "topics"), (e.Code, e.Field));
    }

    [Fact]
    public void Record_KeepsWhatWasSaid_Trimmed()
    {
        var talk = Talk.Record(10, Entry(topics: "  学习心得 ", followUp: " 帮助解决子女入学 "), "secretary", Today, People);
        Assert.Equal((10, 1, 2, "学习心得", "帮助解决子女入学", "secretary"), (talk.OrganizationId, talk.InitiatorId, talk.PartnerId, talk.Topics, talk.FollowUp, talk.RecordedBy));
        Assert.Null(talk.FollowUpDoneOn);
    }

    [Fact]
    public void Correct_ARefusedCorrection_LeavesTheTalkUnchanged()
    {
        var talk = Recorded();
        Assert.Throws<DomainRuleException>(() => talk.Correct(Entry(on: "2027-06-16", initiator: 3, topics: "改"), Today, People));
        Assert.Throws<DomainRuleException>(() => talk.Correct(Entry(initiator: 3, partner: 3, topics: "改"), Today, People));
        Assert.Equal((D("2027-06-01"), 1, 2, "思想、工作情况"), (talk.HeldOn, talk.InitiatorId, talk.PartnerId, talk.Topics));

        talk.Correct(Entry(on: "2027-05-30", initiator: 3, topics: "改"), Today, People);
        Assert.Equal((D("2027-05-30"), 3, 2, "改"), (talk.HeldOn, talk.InitiatorId, talk.PartnerId, talk.Topics));
    }

    [Theory]
    [InlineData("2027-06-01", true)]
    [InlineData("2027-05-31", false)]
    public void RecordFollowUp_OnTheTalksDayAccepted_TheDayBeforeRefused(string doneOn, bool accepted)
    {
        var talk = Recorded("2027-06-01");
        if (accepted)
        {
            talk.RecordFollowUp("已协调解决", D(doneOn), Today);
            Assert.Equal(("已协调解决", D(doneOn)), (talk.FollowUp, talk.FollowUpDoneOn));
        }
        else
        {
            var e = Assert.Throws<DomainRuleException>(() => talk.RecordFollowUp("已协调解决", D(doneOn), Today));
            Assert.Equal(("Talks.FollowUpBeforeTalk", "doneOn"), (e.Code, e.Field));
            Assert.Equal((null, null), (talk.FollowUp, talk.FollowUpDoneOn));
        }
    }

    [Fact]
    public void RecordFollowUp_DoneTomorrow_Refused_WithoutText_Refused_WithoutDay_StaysOpen()
    {
        var talk = Recorded();
        Assert.Equal("Talks.InFuture", Assert.Throws<DomainRuleException>(() => talk.RecordFollowUp("x", Today.AddDays(1), Today)).Code);
        Assert.Equal("followUp", Assert.Throws<DomainRuleException>(() => talk.RecordFollowUp(" ", Today, Today)).Field);
        talk.RecordFollowUp("约定下月再谈", null, Today);
        Assert.Equal(("约定下月再谈", (DateOnly?)null), (talk.FollowUp, talk.FollowUpDoneOn));
        talk.RecordFollowUp("已再谈", Today, Today);
        Assert.Equal(Today, talk.FollowUpDoneOn);
    }

    [Fact]
    public void Correct_AfterTheFollowUpWasDone_CannotMoveTheTalkPastIt()
    {
        var talk = Recorded("2027-06-01");
        talk.RecordFollowUp("已落实", D("2027-06-05"), Today);
        var e = Assert.Throws<DomainRuleException>(() => talk.Correct(Entry(on: "2027-06-06", followUp: "已落实"), Today, People));
        Assert.Equal(("Talks.AfterFollowUp", "heldOn"), (e.Code, e.Field));
        talk.Correct(Entry(on: "2027-06-05", followUp: "已落实"), Today, People);
        Assert.Equal(D("2027-06-05"), talk.HeldOn);
    }
}
