using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Data.Evaluations;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Evaluations.Campaigns;
using EvaluationCampaignCommands = Dangjian.Web.Features.Evaluations.Campaigns.CampaignCommands;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Grading;

/// <summary>
/// 评 (CMT-6): the committee's grade of an item with its satisfaction tally (销号 or rectification, the round appended),
/// the grades' publicity and its objections, and the democratic evaluation created in the evaluations module. A grade
/// needs Commitments.Review on the party committee above the item's organization (党委会 records the grade); publicity,
/// objections and the evaluation need Commitments.Run on the campaign's own organization.
/// </summary>
public sealed class GradingCommands(
    DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, CommitmentCommands commitments, GradingQueries grading,
    EvaluationCampaignCommands evaluations, IWorkingDayCalendar calendars, CurrentUser user, TimeProvider time)
{
    /// <summary>A democratic evaluation whose times are left out opens the next day and runs a week.</summary>
    private static readonly TimeSpan DefaultEvaluationOpen = TimeSpan.FromDays(1);

    private static readonly TimeSpan DefaultEvaluationLength = TimeSpan.FromDays(7);

    public async Task<GradedCommitmentView> GradeAsync(int commitmentId, GradeCommitmentRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var item = await db.Commitments.Include(i => i.Evaluations).FirstOrDefaultAsync(i => i.Id == commitmentId, ct);
        var owner = item is null ? default : (await queries.OwnersAsync([item], ct))[item.Id];
        var scope = await scopes.GetAsync(ct);
        if (item is null || !scope.Allows(Permission.CommitmentsRead, owner.Path))
        {
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("commitment", commitmentId);
        }

        var committee = await commitments.ApproverAsync(owner.Path, ApprovalLevel.Committee, ct) ?? throw new DomainRuleException("Commitment.NoApprover", "level");
        await scopes.DemandAsync(Permission.CommitmentsReview, committee, ct);
        var campaign = await db.CommitmentCampaigns.AsNoTracking().FirstAsync(c => c.Id == item.CampaignId, ct);

        var errors = new FieldErrors();
        if (r.Grade is not { } grade || !Enum.IsDefined(grade))
        {
            errors.Add("grade", "Input.Required", "Field.Commitment.Grade");
            grade = default;
        }

        var paper = r.Satisfied is not null || r.BasicallySatisfied is not null || r.Dissatisfied is not null;
        SatisfactionTally tally = default;
        if (paper)
        {
            Count(r.Satisfied, "satisfied", "Field.Commitment.Satisfied", errors);
            Count(r.BasicallySatisfied, "basicallySatisfied", "Field.Commitment.BasicallySatisfied", errors);
            Count(r.Dissatisfied, "dissatisfied", "Field.Commitment.Dissatisfied", errors);
            tally = new(r.Satisfied ?? 0, r.BasicallySatisfied ?? 0, r.Dissatisfied ?? 0);
        }
        else if (await grading.VoteTallyAsync(commitmentId, ct) is { } voted)
        {
            item.DemandNewVote(voted.OpenedAt);
            tally = voted.Tally;
        }
        else
        {
            errors.Add("satisfied", "Commitment.NoClosedVote");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(item, r.Version);
        var plan = r.RectificationDeadline is { } deadline ? new RectificationPlan(deadline, r.RectificationMeasures ?? string.Empty) : null;
        var outcome = item.Grade(campaign, grade, tally, plan, user.Name, time.GetUtcNow(), queries.Today);
        db.AuditAction = "Commitment.Graded";
        await db.SaveChangesAsync(ct);
        return new GradedCommitmentView(item.Id, item.Status, outcome, paper ? TallySource.Paper : TallySource.Vote, tally, CommitmentEvaluationView.All(item.Evaluations), item.Version);
    }

    /// <summary>
    /// 评议结果公示: once every approved item is graded, for at least <see cref="CommitmentCampaign.MinPublicityWorkingDays"/>
    /// working days of the holiday calendar; from today and for the shortest period when the dates are left out.
    /// </summary>
    public async Task PublicizeAsync(int campaignId, PublicizeGradesRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await RunAsync(campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        var calendar = await calendars.CurrentAsync(ct);
        var from = r.From ?? queries.Today;
        var to = r.To ?? PublicityPeriod.LastDay(calendar, from, CommitmentCampaign.MinPublicityWorkingDays);
        var statuses = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == campaignId).Select(i => i.Status).ToListAsync(ct);
        campaign.Publicize(from, to, calendar, statuses);
        db.AuditAction = "CommitmentCampaign.Publicized";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An objection as staff enter it during publicity; the item, when named, must be one of the campaign's.</summary>
    public async Task<int> FileObjectionAsync(int campaignId, CommitmentObjectionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await RunAsync(campaignId, ct);
        if (r.CommitmentId is { } itemId && !await db.Commitments.AnyAsync(i => i.Id == itemId && i.CampaignId == campaignId, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("commitmentId", "Input.Invalid", "Field.Commitment.ObjectionItem"));
        }

        var objection = CommitmentObjection.File(campaign, r.Text, r.Name, r.CommitmentId, queries.Today, time.GetUtcNow());
        db.CommitmentObjections.Add(objection);
        db.AuditAction = "Commitment.ObjectionFiled";
        await db.SaveChangesAsync(ct);
        return objection.Id;
    }

    public async Task AnswerObjectionAsync(int campaignId, int objectionId, AnswerCommitmentObjectionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await RunAsync(campaignId, ct);
        var objection = await db.CommitmentObjections.FirstOrDefaultAsync(o => o.Id == objectionId && o.CampaignId == campaignId, ct)
            ?? throw new NotFoundException("objection", objectionId);
        db.ExpectVersion(objection, r.Version);
        objection.AnswerWith(campaign, r.Answer, user.Name, time.GetUtcNow());
        db.AuditAction = "Commitment.ObjectionAnswered";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 评: a 民主评议党员 campaign of the evaluations module for the campaign's organization, with the member-review
    /// template, linked to the campaign; one per campaign. Created and linked in one transaction.
    /// </summary>
    public async Task<int> CreateEvaluationAsync(int campaignId, CreateCommitmentEvaluationRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var campaign = await RunAsync(campaignId, ct);
        db.ExpectVersion(campaign, r.Version);
        campaign.DemandMayLinkEvaluation();
        var template = await db.EvaluationTemplates.AsNoTracking().Where(t => t.Name == EvaluationTemplateSeed.MemberReviewName && !t.Archived)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var opens = r.OpensAt ?? time.GetUtcNow().Add(DefaultEvaluationOpen);
        var closes = r.ClosesAt ?? opens.Add(DefaultEvaluationLength);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await evaluations.CreateAsync(
            new CreateCampaignRequest(campaign.OrganizationId, $"{campaign.Title}·民主评议", campaign.Year, CampaignKind.MemberReview, SubjectKind.Member,
                template, null, null, null, opens, closes), ct);
        campaign.LinkEvaluation(id);
        db.AuditAction = "CommitmentCampaign.EvaluationCreated";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The campaign, tracked, after Commitments.Run on its own organization.</summary>
    private async Task<CommitmentCampaign> RunAsync(int campaignId, CancellationToken ct)
    {
        var (found, _) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        await scopes.DemandAsync(Permission.CommitmentsRun, found.OrganizationId, ct);
        return await db.CommitmentCampaigns.FirstAsync(c => c.Id == campaignId, ct);
    }

    private static void Count(int? count, string field, string label, FieldErrors errors)
    {
        if (count is null)
        {
            errors.Add(field, "Input.Required", label);
        }
        else if (count is < 0 or > SatisfactionTally.MaxVotes)
        {
            errors.Add(field, "Input.OutOfRange", label, 0, SatisfactionTally.MaxVotes);
        }
    }
}

/// <summary>
/// 述职 (CMT-6): a member writes their own on their page; the clerk enters one for a member or an organization in their
/// Commitments.Run scope. One per owner per campaign, rewritten (with its version) during 评.
/// </summary>
public sealed class SelfReportCommands(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, CommitmentInputs inputs, CurrentUser user, TimeProvider time)
{
    public async Task<SelfReportView> WriteMineAsync(int campaignId, MySelfReportRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var me = await queries.MeAsync(ct);
        var found = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Path }).FirstOrDefaultAsync(ct);
        if (me is null || found is null || !OrganizationTree.IsWithin(me.Value.Path, found.Path))
        {
            throw new NotFoundException("commitment campaign", campaignId);
        }

        var x = await WriteAsync(found.Campaign, me.Value.PersonId, null, r.Text, r.Version, ct);
        return new SelfReportView(x.Id, x.CampaignId, x.PersonId, null, me.Value.Name, x.Text, x.SubmittedBy, x.SubmittedAt, x.Version);
    }

    public async Task WriteAsync(int campaignId, SelfReportRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (campaign, campaignPath) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRun, ct);
        string? path;
        string field;
        if (r.PersonId is { } personId && r.OrganizationId is null)
        {
            (path, field) = ((await inputs.PersonAsync(personId, ct))?.Path, "personId");
        }
        else if (r.OrganizationId is { } orgId && r.PersonId is null)
        {
            (path, field) = (await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct), "organizationId");
        }
        else
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Commitment.OneOwner"));
        }

        if (path is null || !(await scopes.GetAsync(ct)).Allows(Permission.CommitmentsRun, path) || !OrganizationTree.IsWithin(path, campaignPath))
        {
            throw new InputValidationException(new FieldErrors().Add(field, field == "personId" ? "Input.UnknownPerson" : "Input.UnknownOrganization"));
        }

        await WriteAsync(campaign, r.PersonId, r.OrganizationId, r.Text, r.Version, ct);
    }

    private async Task<CommitmentSelfReport> WriteAsync(CommitmentCampaign campaign, int? personId, int? organizationId, string? text, int version, CancellationToken ct)
    {
        var report = await db.CommitmentSelfReports.FirstOrDefaultAsync(
            x => x.CampaignId == campaign.Id && x.PersonId == personId && x.OrganizationId == organizationId, ct);
        if (report is null)
        {
            report = CommitmentSelfReport.For(campaign, personId, organizationId);
            db.CommitmentSelfReports.Add(report);
        }
        else
        {
            db.ExpectVersion(report, version);
        }

        report.Write(campaign, text, user.Name, time.GetUtcNow());
        db.AuditAction = "Commitment.SelfReported";
        await db.SaveChangesAsync(ct);
        return report;
    }
}
