using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Commitments;

/// <summary>
/// The demo's public commitments, in the sample branch's township: this year's campaign late in 审 with items at every
/// review state, the per-member bound (2—5件) kept, some approved items overdue, progress and a supervisor's flag; the
/// demo member with none yet (theirs to set on /me) and the secretary with items to review; last year's campaign closed, graded, 销号 and one in
/// rectification. The same <c>today</c> gives the same rows.
/// </summary>
public sealed class DemoCommitmentsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_ThisYear_LateInReview_EveryState_BoundKept_SomeOverdue_ProgressAndSupervision()
    {
        await using var db = district.Database.Open();
        var (campaign, items) = await CampaignAsync(db, Today.Year);

        Assert.Equal(CommitmentCampaignStatus.Approving, campaign.Status);
        Assert.Equal(district.Organizations.Single(o => o.Id == district.Result.SampleBranchId).ParentId, campaign.OrganizationId);
        var members = items.Where(i => i.OwnerPersonId is not null).ToList();
        Assert.Contains(members, i => i.Status == CommitmentStatus.Draft);
        Assert.Contains(members, i => i.Status == CommitmentStatus.AwaitingApproval && i.CurrentLevel == ApprovalLevel.Branch);
        Assert.Contains(members, i => i.Status == CommitmentStatus.AwaitingApproval && i.CurrentLevel == ApprovalLevel.Committee);
        Assert.Contains(members, i => i.Status == CommitmentStatus.Returned && i.Decisions[^1].Comment is { Length: > 0 });
        Assert.Contains(members, i => i.Status == CommitmentStatus.Rejected && i.Decisions[^1].Level == ApprovalLevel.Branch);
        Assert.Contains(members, i => i.Status == CommitmentStatus.Rejected && i.Decisions[^1].Level == ApprovalLevel.Committee);
        Assert.Contains(members, i => i.Status == CommitmentStatus.Approved && i.ApprovedAt is not null);

        // 2—5件: every member who submitted has that many live items; a draft set too.
        Assert.All(members.GroupBy(i => i.OwnerPersonId), owner => Assert.InRange(owner.Count(i => i.Status != CommitmentStatus.Rejected), 2, 5));
        Assert.All(members.GroupBy(i => i.OwnerPersonId), owner => Assert.InRange(owner.Count(), 2, 5));

        var approved = items.Where(i => i.Status == CommitmentStatus.Approved).ToList();
        Assert.True(approved.Count > items.Count / 3, $"{approved.Count} of {items.Count} approved");
        Assert.InRange(approved.Count(i => i.IsOverdue(Today)), 2, approved.Count / 2);
        Assert.Contains(approved, i => i.Progress.Count > 0);
        Assert.All(items.SelectMany(i => i.Progress), p => Assert.True(p.Date < Today));
        Assert.All(items.Where(i => i.Status is not (CommitmentStatus.Approved or CommitmentStatus.Rejected)), i => Assert.Empty(i.Progress));

        var supervisor = Assert.Single(await db.CommitmentSupervisors.AsNoTracking().Where(s => s.OrganizationId == campaign.OrganizationId).ToListAsync());
        Assert.Equal(SupervisorKind.RetiredCadre, supervisor.Kind);
        Assert.True(supervisor.ServesOn(Today));
        var comments = items.SelectMany(i => i.SupervisorComments).ToList();
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.Equal((supervisor.Id, supervisor.Name), (c.SupervisorId, c.SupervisorName)));
        var lagging = Assert.Single(items, i => i.IsLagging);
        Assert.True(lagging.IsOverdue(Today));

        var organizations = items.Where(i => i.OwnerOrganizationId is not null).ToList();
        Assert.InRange(organizations.Count, 2, 5);
        Assert.All(organizations, i => Assert.Equal((CommitmentDirection.Downward, ApprovalLevel.Branch, CommitmentStatus.Approved), (i.Direction, i.OwnerLevel!.Value, i.Status)));
        Assert.All(organizations, i => Assert.Equal(ApprovalLevel.Committee, Assert.Single(i.Decisions).Level));
        Assert.All(items, i => Assert.True(i.Deadline.Year <= Today.Year));
    }

    [Fact]
    public async Task Demo_MemberHasNoItemsYetInACampaignTakingThem_SecretarysBranchHasItemsAwaitingIt()
    {
        await using var db = district.Database.Open();
        var (campaign, items) = await CampaignAsync(db, Today.Year);

        // The member sets theirs on /me: the whole bound (2—5件) is free and the campaign still takes submissions.
        Assert.DoesNotContain(items, i => i.OwnerPersonId == district.Result.SampleMemberPersonId);
        Assert.True(campaign.AcceptsSubmissions);

        var branch = district.Result.SampleBranchId;
        var branchPeople = district.People.Where(p => p.OrganizationId == branch || district.Organizations.Any(o => o.Id == p.OrganizationId && o.ParentId == branch))
            .Select(p => p.Id).ToHashSet();
        Assert.Contains(district.Result.SampleMemberPersonId, branchPeople);
        Assert.True(
            items.Count(i => i.OwnerPersonId is { } p && branchPeople.Contains(p) && i.Status == CommitmentStatus.AwaitingApproval && i.CurrentLevel == ApprovalLevel.Branch) >= 4,
            "the secretary's branch has items awaiting it");
    }

    [Fact]
    public async Task Demo_LastYear_Closed_MostlyGoodOrFairlyGood_SomeClosed_OneRectifyingWithADeadline()
    {
        await using var db = district.Database.Open();
        var (campaign, items) = await CampaignAsync(db, Today.Year - 1);

        Assert.Equal(CommitmentCampaignStatus.Closed, campaign.Status);
        Assert.All(items, i => Assert.Equal(1, Assert.Single(i.Evaluations).Round));
        var grades = items.Select(i => i.LastEvaluation!.Grade).ToList();
        Assert.True(grades.Count(g => g is CommitmentGrade.Good or CommitmentGrade.FairlyGood) >= items.Count - 1);

        var closed = items.Where(i => i.Status == CommitmentStatus.Closed).ToList();
        Assert.NotEmpty(closed);
        Assert.All(closed, i => Assert.True(i.LastEvaluation!.Grade == CommitmentGrade.Good && 3 * i.LastEvaluation.Satisfied >= 2 * i.LastEvaluation.Tally.Cast));
        Assert.All(closed, i => Assert.NotNull(i.ClosedAt));
        Assert.Contains(items, i => i.Status == CommitmentStatus.Evaluated);

        var rectifying = Assert.Single(items, i => i.Status == CommitmentStatus.Rectifying);
        Assert.Equal(CommitmentGrade.Poor, rectifying.LastEvaluation!.Grade);
        Assert.True(rectifying.LastEvaluation.RectificationDeadline > Today);
        Assert.False(string.IsNullOrWhiteSpace(rectifying.LastEvaluation.RectificationMeasures));
        Assert.All(items, i => Assert.Equal(CommitmentClosure.Decide(i.LastEvaluation!.Grade, i.LastEvaluation.Tally, campaign.Rules), i.LastEvaluation.Outcome));
        Assert.All(items, i => Assert.InRange(items.Count(o => o.OwnerPersonId == i.OwnerPersonId), 2, 5));

        // 评: the grades were publicized before the close, one objection answered, every member's 述职 written.
        Assert.True(campaign.PublicityFrom > items.Max(i => DateOnly.FromDateTime(i.LastEvaluation!.At.UtcDateTime)).AddDays(-1));
        Assert.True(campaign.PublicityTo >= campaign.PublicityFrom!.Value.AddDays(6));
        var objection = Assert.Single(await db.CommitmentObjections.AsNoTracking().Where(o => o.CampaignId == campaign.Id).ToListAsync());
        Assert.False(string.IsNullOrWhiteSpace(objection.Answer));
        var reports = await db.CommitmentSelfReports.AsNoTracking().Where(r => r.CampaignId == campaign.Id).ToListAsync();
        Assert.Equal(items.Select(i => i.OwnerPersonId).Distinct().Order(), reports.Select(r => r.PersonId).Order());
    }

    [Fact]
    public async Task Demo_LastYear_SampleBranchAndRectifyingItems_GradedOnAClosedVote_WhoseBallotsAddUpToTheirTally()
    {
        await using var db = district.Database.Open();
        var (_, items) = await CampaignAsync(db, Today.Year - 1);
        var branch = district.Result.SampleBranchId;
        var branchPeople = district.People.Where(p => p.OrganizationId == branch || district.Organizations.Any(o => o.Id == p.OrganizationId && o.ParentId == branch))
            .ToDictionary(p => p.Id);
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => s.TargetKind == SurveyTargetKind.Commitment).ToListAsync();

        var voted = items.Where(i => branchPeople.ContainsKey(i.OwnerPersonId!.Value) || i.Status == CommitmentStatus.Rectifying).ToList();
        Assert.True(voted.Count >= 3, $"{voted.Count} items voted on");
        Assert.Equal(voted.Select(i => i.Id).Order(), surveys.Select(s => s.TargetId!.Value).Order());
        foreach (var item in voted)
        {
            // 群众满意票 (SRV-3): a closed vote, open before the grade, one choice each; its ballots are the grade's tally.
            var survey = Assert.Single(surveys, s => s.TargetId == item.Id);
            var evaluation = item.LastEvaluation!;
            Assert.Equal(SurveyStatus.Closed, survey.Status);
            Assert.True(survey.OpenedAt < survey.ClosedAt && survey.ClosedAt < evaluation.At, $"item {item.Id}: voted before it was graded");
            var question = Assert.Single(survey.Questions);
            Assert.Equal(["满意", "基本满意", "不满意"], question.Options);
            var picks = (await db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == survey.BoxKey).Select(b => b.Content).ToListAsync())
                .Select(c => Assert.Single(SurveyAnswers.Parse(c)[question.Id].Picks)).ToList();
            Assert.Equal(
                (evaluation.Satisfied, evaluation.BasicallySatisfied, evaluation.Dissatisfied),
                (picks.Count(p => p == 0), picks.Count(p => p == 1), picks.Count(p => p == 2)));
            var box = await db.BallotBoxes.AsNoTracking().SingleAsync(b => b.Key == survey.BoxKey);
            Assert.Equal((true, false, picks.Count), (box.Closed, box.IsOpen, box.BallotsCast));
            Assert.InRange(box.CodesIssued, picks.Count, picks.Count + 3);
        }

        // The demo's supervisor account is the serving retired cadre of the township, a full member on its roll.
        var cadre = await db.CommitmentSupervisors.AsNoTracking().SingleAsync(s => s.PersonId == district.Result.SampleSupervisorPersonId);
        Assert.Equal(SupervisorKind.RetiredCadre, cadre.Kind);
        Assert.Equal(district.People.Single(p => p.Id == cadre.PersonId).Name, cadre.Name);
        Assert.True(cadre.ServesOn(Today));
    }

    [Fact]
    public async Task Demo_SameToday_SameCommitments()
    {
        await using var other = await SqliteTestDatabase.CreateAsync();
        await using (var db = other.Open())
        {
            await DemoDistrict.SeedAsync(db, Today);
        }

        await using var a = district.Database.Open();
        await using var b = other.Open();
        var summary = await SummaryAsync(a);
        Assert.Contains("|Approved|", summary, StringComparison.Ordinal);
        Assert.Equal(summary, await SummaryAsync(b));
    }

    private static async Task<(CommitmentCampaign Campaign, List<Commitment> Items)> CampaignAsync(DangjianDbContext db, int year)
    {
        var campaign = await db.CommitmentCampaigns.AsNoTracking().SingleAsync(c => c.Year == year);
        var items = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == campaign.Id)
            .Include(i => i.Decisions).Include(i => i.Progress).Include(i => i.SupervisorComments).Include(i => i.Evaluations)
            .AsSplitQuery().ToListAsync();
        foreach (var item in items)
        {
            // Each trail is kept in the order it was appended.
            item.Decisions.Sort((x, y) => x.Id.CompareTo(y.Id));
            item.Evaluations.Sort((x, y) => x.Round.CompareTo(y.Round));
        }

        return (campaign, items);
    }

    private static async Task<string> SummaryAsync(DangjianDbContext db)
    {
        var campaigns = await db.CommitmentCampaigns.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.OrganizationId}|{c.Year}|{c.Title}|{c.Status}").ToListAsync();
        var items = await db.Commitments.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => $"{i.CampaignId}|{i.OwnerPersonId}|{i.OwnerOrganizationId}|{i.Content}|{i.Deadline}|{i.Status}|{i.CurrentLevel}").ToListAsync();
        var decisions = await db.CommitmentDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.CommitmentId}|{d.Level}|{d.Decision}|{d.Comment}").ToListAsync();
        var progress = await db.FulfilmentRecords.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.CommitmentId}|{p.Date}|{p.Steps}").ToListAsync();
        var grades = await db.CommitmentEvaluations.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => $"{e.CommitmentId}|{e.Grade}|{e.Satisfied}|{e.BasicallySatisfied}|{e.Dissatisfied}|{e.Outcome}|{e.RectificationDeadline}").ToListAsync();
        var comments = await db.SupervisorComments.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.CommitmentId}|{c.SupervisorName}|{c.Lagging}|{c.Text}").ToListAsync();
        return string.Join("\n", campaigns.Concat(items).Concat(decisions).Concat(progress).Concat(grades).Concat(comments));
    }
}
