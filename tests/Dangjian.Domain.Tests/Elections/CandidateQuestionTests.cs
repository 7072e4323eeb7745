using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>ELE-9: a voter's question to a candidate — asked, answered, then published or kept off; nothing shown unanswered.</summary>
public sealed class CandidateQuestionTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void Ask_AtTheLengthLimit_Taken_OneMore_Refused_Blank_Refused()
    {
        Assert.Equal(CandidateQuestion.MaxQuestionLength, CandidateQuestion.Ask(1, 2, new string('问', CandidateQuestion.MaxQuestionLength), Today).Question.Length);
        Assert.Equal(("Input.TooLong", "question"), (Refused(() => CandidateQuestion.Ask(1, 2, new string('问', CandidateQuestion.MaxQuestionLength + 1), Today)) is var e ? (e.Code, e.Field) : default));
        Assert.Equal(("Input.Required", "question"), (Refused(() => CandidateQuestion.Ask(1, 2, "  ", Today)) is var r ? (r.Code, r.Field) : default));
        var q = CandidateQuestion.Ask(1, 2, "  您的工作设想？ ", Today);
        Assert.Equal(("您的工作设想？", CandidateQuestionStatus.Pending, Today), (q.Question, q.Status, q.AskedOn));
    }

    [Fact]
    public void Publish_Unanswered_Refused_Answered_Published_ThenTheAnswerStands()
    {
        var q = CandidateQuestion.Ask(1, 2, "您的工作设想？", Today);
        Assert.Equal("CandidateQuestion.Unanswered", Refused(() => q.Publish("组织部 李明", Today)).Code);
        Assert.Equal(CandidateQuestionStatus.Pending, q.Status);

        q.RecordAnswer("抓好班子、带好队伍。", Today);
        q.RecordAnswer("抓好班子、带好队伍、办好实事。", Today.AddDays(1));
        q.Publish("组织部 李明", Today.AddDays(1));
        Assert.Equal((CandidateQuestionStatus.Published, "抓好班子、带好队伍、办好实事。", "组织部 李明"), (q.Status, q.Answer, q.ModeratedBy));
        Assert.Equal("CandidateQuestion.AlreadyModerated", Refused(() => q.RecordAnswer("改口", Today)).Code);
        Assert.Equal("CandidateQuestion.AlreadyModerated", Refused(() => q.Publish("李明", Today)).Code);
    }

    [Fact]
    public void Hide_Pending_Or_Published_Once()
    {
        var pending = CandidateQuestion.Ask(1, 2, "人身攻击的内容", Today);
        pending.Hide("李明", Today);
        Assert.Equal(CandidateQuestionStatus.Hidden, pending.Status);
        Assert.Equal("CandidateQuestion.AlreadyModerated", Refused(() => pending.Hide("李明", Today)).Code);
        Assert.Equal("CandidateQuestion.AlreadyModerated", Refused(() => pending.Publish("李明", Today)).Code);

        var published = CandidateQuestion.Ask(1, 2, "您的工作设想？", Today);
        published.RecordAnswer("办好实事。", Today);
        published.Publish("李明", Today);
        published.Hide("王强", Today.AddDays(2));
        Assert.Equal((CandidateQuestionStatus.Hidden, "王强", Today.AddDays(2)), (published.Status, published.ModeratedBy, published.ModeratedOn!.Value));
    }
}
