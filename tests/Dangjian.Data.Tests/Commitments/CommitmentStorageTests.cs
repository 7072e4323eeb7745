using Dangjian.Data.Tests.Secrecy;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Commitments;

/// <summary>
/// A commitment campaign stored and read back whole on both providers: its rule data, an item with its approval trail,
/// a progress record with its evidence and an evaluation round; and anonymous opinions left out of the row audit.
/// </summary>
public abstract class CommitmentStorageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    protected abstract Task<ISecrecyDatabase> CreateAsync();

    [Fact]
    public async Task Campaign_WithItemDecisionProgressAndEvaluation_ReadsBackAsSaved()
    {
        await using var database = await CreateAsync();
        var rules = CommitmentRules.Default with { MaxPerMember = 4, Closure = new Share(3, 4, Inclusive: true), ApprovalLevels = [ApprovalLevel.Branch] };
        int itemId;
        await using (var db = database.Open())
        {
            var (branch, person) = await SeedAsync(db);
            var campaign = new CommitmentCampaign { OrganizationId = branch.Id };
            campaign.Describe(2026, "2026年公开承诺");
            campaign.SetRules(rules);
            db.CommitmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();

            var items = new[] { "走访困难群众", "义务植树" }
                .Select(c => Commitment.ForMember(campaign, person.Id, new CommitmentContent(c, "每月一次", new DateOnly(2026, 11, 30), person.Name, person.Id, [Guid.NewGuid()]), Today))
                .ToList();
            db.Commitments.AddRange(items);
            campaign.Submit(items, "clerk", Now);
            campaign.StartApproval(items.Select(i => i.Status));
            foreach (var item in items)
            {
                item.Approve(campaign, ApprovalLevel.Branch, "secretary", Now, "同意");
            }

            campaign.StartFulfilment(items.Select(i => i.Status));
            items[0].RecordProgress(new FulfilmentRecord { Date = Today, Steps = "走访三户", ResponsiblePerson = person.Name, EvidenceFileIds = [7, 9] }, "clerk", Today, Now);
            campaign.StartEvaluation();
            items[0].Grade(campaign, CommitmentGrade.Good, new SatisfactionTally(3, 1, 0), null, "committee", Now, Today);
            await db.SaveChangesAsync();
            itemId = items[0].Id;
        }

        await using (var db = database.Open())
        {
            var campaign = await db.CommitmentCampaigns.AsNoTracking().SingleAsync();
            Assert.Equal(CommitmentCampaignStatus.Evaluating, campaign.Status);
            Assert.Equal(4, campaign.Rules.MaxPerMember);
            Assert.Equal(new Share(3, 4, Inclusive: true), campaign.Rules.Closure);
            Assert.Equal([ApprovalLevel.Branch], campaign.Rules.ApprovalLevels);

            var item = await db.Commitments.AsNoTracking().Include(c => c.Decisions).Include(c => c.Progress).Include(c => c.Evaluations).SingleAsync(c => c.Id == itemId);
            Assert.Equal("走访困难群众", item.Content);
            Assert.Single(item.CitedOpinionIds);
            Assert.Equal(CommitmentStatus.Closed, item.Status);
            var decision = Assert.Single(item.Decisions);
            Assert.Equal((ApprovalLevel.Branch, ApprovalDecision.Approve, "同意"), (decision.Level, decision.Decision, decision.Comment));
            var progress = Assert.Single(item.Progress);
            Assert.Equal([7, 9], progress.EvidenceFileIds);
            var evaluation = Assert.Single(item.Evaluations);
            Assert.Equal((CommitmentGrade.Good, 3, 1, 0, CommitmentOutcome.Closed), (evaluation.Grade, evaluation.Satisfied, evaluation.BasicallySatisfied, evaluation.Dissatisfied, evaluation.Outcome));
        }
    }

    [Fact]
    public async Task Opinion_FromTheSuggestionBox_IsNotRowAudited_ButACommitmentIs()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var (branch, person) = await SeedAsync(db);
        var campaign = new CommitmentCampaign { OrganizationId = branch.Id };
        campaign.Describe(2026, "2026年公开承诺");
        db.CommitmentCampaigns.Add(campaign);
        await db.SaveChangesAsync();

        db.CommitmentOpinions.Add(new CommitmentOpinion { Id = Guid.NewGuid(), CampaignId = campaign.Id, Channel = OpinionChannel.SuggestionBox, Text = "路灯坏了", ReceivedOn = Today });
        db.Commitments.Add(Commitment.ForMember(campaign, person.Id, new CommitmentContent("修路灯", "联系供电所", new DateOnly(2026, 6, 30), person.Name), Today));
        await db.SaveChangesAsync();

        var audited = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).ToListAsync();
        Assert.Contains(nameof(Commitment), audited);
        Assert.DoesNotContain(nameof(CommitmentOpinion), audited);
        Assert.Equal(1, await db.CommitmentOpinions.CountAsync());
    }

    private static async Task<(Organization Branch, Person Person)> SeedAsync(DangjianDbContext db)
    {
        var branch = new Organization { Code = "B01", Name = "第一支部", Kind = OrganizationKind.Branch };
        db.Organizations.Add(branch);
        await db.SaveChangesAsync();
        branch.Path = $"/{branch.Id}/";
        var person = new Person { Name = "张三", OrganizationId = branch.Id };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (branch, person);
    }
}

public sealed class SqliteCommitmentStorageTests : CommitmentStorageTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => SqliteSecrecyDatabase.CreateAsync();
}

public sealed class PostgresCommitmentStorageTests : CommitmentStorageTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => PostgresSecrecyDatabase.CreateAsync();
}
