using Dangjian.Domain.Common;
using Dangjian.Domain.Reviews;

namespace Dangjian.Domain.Tests.Reviews;

/// <summary>复盘 (REV-1): what a review must say, the day it looks back on, and what it is attached to.</summary>
public sealed class WorkReviewTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    private static WorkReviewContent Content(DateOnly? heldOn = null, string? title = "换届选举复盘", string? summary = "两周内完成村党组织换届",
        string? purpose = "按期平稳完成换届", string? lessons = null) =>
        new(title, summary, "王书记、李委员", heldOn ?? Today, "党群服务中心", purpose, "一次选举成功", null, null, null, null, lessons, null, null);

    [Fact]
    public void Create_WithTheEventAndPurpose_KeepsTheTemplateFieldsTrimmed()
    {
        var review = WorkReview.Create(7, ReviewSubjectKind.ElectionProject, 3, Content(lessons: "  提前摸排  "), Today, "secretary", Now);

        Assert.Equal((7, ReviewSubjectKind.ElectionProject, 3), (review.OrganizationId, review.SubjectKind!.Value, review.SubjectId!.Value));
        Assert.Equal(("换届选举复盘", "按期平稳完成换届", "提前摸排", (string?)null), (review.Title, review.Purpose, review.Lessons, review.Variance));
        Assert.Equal(("secretary", Now), (review.CreatedBy, review.CreatedAt));
    }

    [Fact]
    public void Create_WithoutTitleSummaryOrPurpose_NamesEachField()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            WorkReview.Create(7, null, null, Content(title: " ", summary: null, purpose: ""), Today, "secretary", Now));

        Assert.Equal(["title", "summary", "purpose"], e.Problems.Select(p => p.Field));
        Assert.All(e.Problems, p => Assert.Equal("Input.Required", p.Code));
    }

    [Fact]
    public void Create_HeldToday_Accepted_HeldTomorrow_Refused()
    {
        Assert.Equal(Today, WorkReview.Create(7, null, null, Content(Today), Today, "s", Now).HeldOn);

        var e = Assert.Throws<DomainRuleException>(() => WorkReview.Create(7, null, null, Content(Today.AddDays(1)), Today, "s", Now));

        Assert.Equal(("heldOn", "Review.HeldInFuture"), (e.Problems[0].Field, e.Problems[0].Code));
    }

    [Fact]
    public void Create_TextAtItsLimit_Accepted_OneOver_Refused()
    {
        var atLimit = new string('经', WorkReview.MaxTextLength);
        Assert.Equal(atLimit, WorkReview.Create(7, null, null, Content(lessons: atLimit), Today, "s", Now).Lessons);

        var e = Assert.Throws<DomainRuleException>(() => WorkReview.Create(7, null, null, Content(lessons: atLimit + "验"), Today, "s", Now));

        Assert.Equal(("lessons", "Input.TooLong"), (e.Problems[0].Field, e.Problems[0].Code));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Create_SubjectKindWithoutId_OrIdWithoutKind_Refused(bool kind, bool id)
    {
        var e = Assert.Throws<DomainRuleException>(() => WorkReview.Create(
            7, kind ? ReviewSubjectKind.Meeting : null, id ? 5 : null, Content(), Today, "s", Now));

        Assert.Equal("subjectKind", e.Field);
    }

    [Fact]
    public void Edit_RewritesTheContent_KeepsOrganizationAndSubject_AndRefusesWithoutChange()
    {
        var review = WorkReview.Create(7, ReviewSubjectKind.Meeting, 5, Content(), Today, "secretary", Now);

        review.Edit(Content(lessons: "会前充分酝酿"), Today, "admin", Now.AddHours(1));
        Assert.Throws<DomainRuleException>(() => review.Edit(Content(purpose: null, lessons: "改掉"), Today, "admin", Now.AddHours(2)));

        Assert.Equal(("会前充分酝酿", 7, ReviewSubjectKind.Meeting, "admin"), (review.Lessons, review.OrganizationId, review.SubjectKind!.Value, review.UpdatedBy));
    }
}
