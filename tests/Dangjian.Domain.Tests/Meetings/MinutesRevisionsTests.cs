using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-8: numbering per organization per year, locking when signed, corrections as new revisions.</summary>
public sealed class MinutesRevisionsTests
{
    private static readonly DateTimeOffset At = new(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private static Meeting MeetingOn(DateOnly date) => new() { Id = 7, OrganizationId = 3, Title = "支委会", Date = date, Status = MeetingStatus.Closed };

    private static MeetingMinutes Draft(Meeting m, string text) => MinutesRevisions.FirstDraft(m.Id, m.OrganizationId, m.Date, text);

    [Fact]
    public void FirstNumberOfAYear_IsOne_ThenMaxPlusOne()
    {
        Assert.Equal(1, MinutesRevisions.NextNumber([]));
        Assert.Equal(4, MinutesRevisions.NextNumber([1, 3, 2]));
        Assert.Equal(6, MinutesRevisions.NextNumber([5]));
    }

    [Fact]
    public void YearBoundary_TheMeetingsDayDecides_NotTheSigningDay()
    {
        var december = MeetingOn(new DateOnly(2026, 12, 31));
        var january = MeetingOn(new DateOnly(2027, 1, 1));
        var last = Draft(december, "十二月纪要");
        var first = Draft(january, "一月纪要");

        // Both signed on 2027-01-05: the December meeting takes 2026's next number, the January one 2027's first.
        MinutesRevisions.Sign(last, null, december.Date, MinutesRevisions.NextNumber([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), "书记", At);
        MinutesRevisions.Sign(first, null, january.Date, MinutesRevisions.NextNumber([]), "书记", At);

        Assert.Equal("〔2026〕12号", last.Display);
        Assert.Equal("〔2027〕1号", first.Display);
    }

    [Fact]
    public void Signing_LocksTheText()
    {
        var m = Draft(MeetingOn(new DateOnly(2026, 5, 6)), "草稿");
        MinutesRevisions.Edit(m, "定稿");
        MinutesRevisions.Sign(m, null, new DateOnly(2026, 5, 6), 3, "书记", At);

        Assert.Equal(MinutesStatus.SignedOff, m.Status);
        Assert.Equal(("书记", At), (m.SignedBy, m.SignedAt));
        var e = Assert.Throws<DomainRuleException>(() => MinutesRevisions.Edit(m, "改动"));
        Assert.Equal("Minutes.Locked", e.Code);
        Assert.Equal("定稿", m.Text);
        Assert.Throws<DomainRuleException>(() => MinutesRevisions.Sign(m, null, new DateOnly(2026, 5, 6), 4, "书记", At));
        Assert.Equal(3, m.Number);
    }

    [Fact]
    public void EmptyText_CannotBeSigned()
    {
        var m = Draft(MeetingOn(new DateOnly(2026, 5, 6)), "  ");
        Assert.Equal("Minutes.EmptyText", Assert.Throws<DomainRuleException>(() => MinutesRevisions.Sign(m, null, new DateOnly(2026, 5, 6), 1, "书记", At)).Code);
        Assert.Equal(MinutesStatus.Draft, m.Status);
    }

    [Fact]
    public void Correction_KeepsTheNumber_AndSupersedesTheOldRevisionWhenSigned()
    {
        var meeting = MeetingOn(new DateOnly(2026, 5, 6));
        var v1 = Draft(meeting, "原文");
        MinutesRevisions.Sign(v1, null, meeting.Date, 3, "书记", At);

        var v2 = MinutesRevisions.Correction(v1, "笔误");
        Assert.Equal((2, 3, 2026, "原文", "笔误", MinutesStatus.Draft), (v2.Revision, v2.Number, v2.Year, v2.Text, v2.CorrectionReason, v2.Status));
        Assert.Equal(MinutesStatus.SignedOff, v1.Status); // until the correction is signed

        MinutesRevisions.Edit(v2, "更正后");
        MinutesRevisions.Sign(v2, v1, meeting.Date, 99, "书记", At);
        Assert.Equal(3, v2.Number);
        Assert.Equal("〔2026〕3号", v2.Display);
        Assert.Equal(MinutesStatus.Superseded, v1.Status);
        Assert.Equal("原文", v1.Text);
    }

    [Fact]
    public void OnlySignedMinutes_CanBeCorrected()
    {
        var draft = Draft(MeetingOn(new DateOnly(2026, 5, 6)), "草稿");
        Assert.Equal("Minutes.NothingToCorrect", Assert.Throws<DomainRuleException>(() => MinutesRevisions.Correction(draft, "理由")).Code);
    }
}
