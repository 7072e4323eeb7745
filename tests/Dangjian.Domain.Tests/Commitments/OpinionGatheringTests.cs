using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>定's opinions (座谈会、意见箱、调研走访) and 备案 upward: what may be collected when, and what may be filed.</summary>
public sealed class OpinionGatheringTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(CommitmentCampaignStatus.Defining, true)]
    [InlineData(CommitmentCampaignStatus.Approving, false)]
    [InlineData(CommitmentCampaignStatus.Closed, false)]
    public void IsOpen_OnlyDuringDefining(CommitmentCampaignStatus status, bool open) =>
        Assert.Equal(open, OpinionGathering.IsOpen(status));

    [Fact]
    public void FromSuggestionBox_KeepsTextDayAndARandomIdOnly()
    {
        var o = OpinionGathering.FromSuggestionBox(7, CommitmentCampaignStatus.Defining, "  路灯坏了  ", Today);

        Assert.Equal((7, OpinionChannel.SuggestionBox, "路灯坏了", Today, (string?)null), (o.CampaignId, o.Channel, o.Text, o.ReceivedOn, o.SubmitterName));
        Assert.Equal(4, o.Id.Version);
    }

    [Fact]
    public void FromSuggestionBox_AfterDefining_Closed()
    {
        var e = Assert.Throws<DomainRuleException>(() => OpinionGathering.FromSuggestionBox(7, CommitmentCampaignStatus.Approving, "晚了", Today));
        Assert.Equal("Commitment.OpinionsClosed", e.Code);
    }

    [Fact]
    public void FromSuggestionBox_TextAtAndOverTheLimit()
    {
        Assert.Equal(CommitmentOpinion.MaxTextLength, OpinionGathering.FromSuggestionBox(1, CommitmentCampaignStatus.Defining, new string('意', CommitmentOpinion.MaxTextLength), Today).Text.Length);
        var e = Assert.Throws<DomainRuleException>(() => OpinionGathering.FromSuggestionBox(1, CommitmentCampaignStatus.Defining, new string('意', CommitmentOpinion.MaxTextLength + 1), Today));
        Assert.Equal(("Input.TooLong", "text"), (e.Code, e.Field));
        Assert.Equal("text", Assert.Throws<DomainRuleException>(() => OpinionGathering.FromSuggestionBox(1, CommitmentCampaignStatus.Defining, " ", Today)).Field);
    }

    [Theory]
    [InlineData(OpinionChannel.Meeting)]
    [InlineData(OpinionChannel.Visit)]
    public void Recorded_MeetingOrVisit_NamedWhenGiven(OpinionChannel channel)
    {
        var o = OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, channel, "多组织活动", Today, " 王芳 ", Today);

        Assert.Equal((channel, "多组织活动", Today, "王芳"), (o.Channel, o.Text, o.ReceivedOn, o.SubmitterName));
        Assert.Null(OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, channel, "多组织活动", Today, " ", Today).SubmitterName);
    }

    [Fact]
    public void Recorded_UnderTheSuggestionBox_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, OpinionChannel.SuggestionBox, "冒充匿名", Today, null, Today));
        Assert.Equal(("Commitment.SuggestionBoxIsPublic", "channel"), (e.Code, e.Field));
        Assert.Equal("channel", Assert.Throws<DomainRuleException>(() => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, null, "x", Today, null, Today)).Field);
        Assert.Equal("channel", Assert.Throws<DomainRuleException>(() => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, (OpinionChannel)9, "x", Today, null, Today)).Field);
    }

    [Fact]
    public void Recorded_ReceivedToday_Accepted_Tomorrow_Refused()
    {
        Assert.Equal(Today, OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, OpinionChannel.Visit, "x", Today, null, Today).ReceivedOn);
        var e = Assert.Throws<DomainRuleException>(() => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, OpinionChannel.Visit, "x", Today.AddDays(1), null, Today));
        Assert.Equal(("Commitment.OpinionInFuture", "receivedOn"), (e.Code, e.Field));
        Assert.Equal("receivedOn", Assert.Throws<DomainRuleException>(() => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Defining, OpinionChannel.Visit, "x", null, null, Today)).Field);
    }

    [Fact]
    public void Recorded_AfterDefining_Closed() =>
        Assert.Equal("Commitment.OpinionsClosed", Assert.Throws<DomainRuleException>(
            () => OpinionGathering.Recorded(3, CommitmentCampaignStatus.Fulfilling, OpinionChannel.Meeting, "x", Today, null, Today)).Code);

    [Fact]
    public void File_OneApprovedWithASuperior_FiledWithIt()
    {
        var at = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        var f = CommitmentFilingRules.File(5, 20, 10, 1, null, "admin", at);

        Assert.Equal((5, 20, 10, 1, "admin", at), (f.CampaignId, f.OrganizationId, f.FiledWithOrganizationId, f.ItemCount, f.FiledBy, f.FiledAt));
    }

    [Fact]
    public void File_NothingApproved_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => CommitmentFilingRules.File(5, 20, 10, 0, null, "admin", DateTimeOffset.UnixEpoch));
        Assert.Equal(("Commitment.NothingToFile", "organizationId"), (e.Code, e.Field));
    }

    [Fact]
    public void File_NoSuperior_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => CommitmentFilingRules.File(5, 20, null, 3, null, "admin", DateTimeOffset.UnixEpoch));
        Assert.Equal(("Commitment.NoSuperior", "organizationId"), (e.Code, e.Field));
    }

    [Fact]
    public void File_NoteOverTheLimit_Refused() =>
        Assert.Equal("note", Assert.Throws<DomainRuleException>(
            () => CommitmentFilingRules.File(5, 20, 10, 1, new string('备', CommitmentFiling.MaxNoteLength + 1), "admin", DateTimeOffset.UnixEpoch)).Field);
}
