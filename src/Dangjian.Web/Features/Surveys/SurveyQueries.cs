using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Surveys;

/// <summary>
/// Reading surveys (SRV-1, SRV-2) under Permission.SurveysRead on the survey's organization. While a survey runs its organizer
/// sees counts only; its answers are read from the box once it is closed (BallotBoxService.BallotsAsync), in the
/// box's shuffled order.
/// </summary>
public sealed class SurveyQueries(DangjianDbContext db, ScopeService scopes, SatisfactionTargets targets, BallotBoxService boxes, SurveyClosing closing, TimeProvider time)
{
    public async Task<Paged<SurveyRow>> ListAsync(int? organizationId, SurveyStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.SurveysRead, orgId, ct);
        }

        var orgs = await scopes.OrganizationsAsync(Permission.SurveysRead, ct);
        var text = search?.Trim() ?? string.Empty;
        var query = db.Surveys.AsNoTracking()
            .Where(s => organizationId == null || s.OrganizationId == organizationId)
            .Where(s => status == null || s.Status == status)
            .Where(s => text == string.Empty || s.Title.Contains(text))
            .Join(orgs, s => s.OrganizationId, o => o.Id, (s, o) => new { s, o.Name, Questions = db.SurveyQuestions.Count(q => q.SurveyId == s.Id) });
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.s.Id).Skip(window.Skip).Take(size).ToListAsync(ct);
        var keys = rows.Select(r => r.s.BoxKey).ToList();
        var counts = await db.BallotBoxes.AsNoTracking().Where(b => keys.Contains(b.Key)).ToDictionaryAsync(b => b.Key, b => b.BallotsCast, ct);
        var now = time.GetUtcNow();
        return new Paged<SurveyRow>(
            [.. rows.Select(r =>
            {
                var responses = counts.GetValueOrDefault(r.s.BoxKey);
                return new SurveyRow(r.s.Id, r.s.OrganizationId, r.Name, r.s.Title, Shown(r.s, now, responses), r.s.Access, r.Questions, responses, r.s.Quota, r.s.ClosesAt, r.s.TargetKind, r.s.TargetId);
            })],
            total, p, size);
    }

    /// <summary>An open survey past its closing time or quota is shown as closed, closed or not yet.</summary>
    private static SurveyStatus Shown(Survey s, DateTimeOffset now, int responses) => s.IsDueToClose(now, responses) ? SurveyStatus.Closed : s.Status;

    /// <summary>One survey with its questions and counts; an open survey that is due is closed on the way.</summary>
    public async Task<SurveyView> GetAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.SurveysRead, ct);
        await closing.SettleAsync(id, ct);
        return await ViewAsync(id, ct);
    }

    internal async Task<SurveyView> ViewAsync(int id, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstAsync(x => x.Id == id, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var box = await boxes.FindAsync(s.BoxKey, ct);
        var responses = box?.BallotsCast ?? 0;
        var now = time.GetUtcNow();
        return new SurveyView(s.Id, s.OrganizationId, org, s.Title, s.Description, Shown(s, now, responses), s.Access, s.Quota, s.ClosesAt, s.TargetKind, s.TargetId,
            [.. s.Specs().Select(q => new QuestionView(q.Id, q.Order, q.Kind, q.Text, q.Required, q.Options, q.MaxPicks, q.Scale))],
            box?.CodesIssued ?? 0, responses, box is { IsOpen: true } && s.AcceptsAnswers(now, responses), s.Version);
    }

    /// <summary>Per-question statistics of a closed survey (SRV-2).</summary>
    public async Task<SurveyStatisticsResult> StatisticsAsync(int id, CancellationToken ct = default)
    {
        var (questions, responses) = await ResponsesAsync(id, ct);
        return SurveyStatistics.Compute(questions, responses);
    }

    /// <summary>A cross-tab of a closed survey: a choice question's options against a single-choice question's.</summary>
    public async Task<CrossTab> CrossTabAsync(int id, int? rowQuestionId, int? columnQuestionId, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (rowQuestionId is null)
        {
            errors.Add("rowQuestionId", "Input.Required", "Field.Survey.RowQuestion");
        }

        if (columnQuestionId is null)
        {
            errors.Add("columnQuestionId", "Input.Required", "Field.Survey.ColumnQuestion");
        }

        errors.ThrowIfAny();
        var (questions, responses) = await ResponsesAsync(id, ct);
        var row = questions.FirstOrDefault(q => q.Id == rowQuestionId) ?? throw new DomainRuleException("Survey.NoSuchQuestion", "rowQuestionId");
        var column = questions.FirstOrDefault(q => q.Id == columnQuestionId) ?? throw new DomainRuleException("Survey.NoSuchQuestion", "columnQuestionId");
        return SurveyStatistics.Cross(row, column, responses);
    }

    /// <summary>The questions and the parsed responses of a closed survey, in the box's shuffled order (never casting order).</summary>
    public async Task<(QuestionSpec[] Questions, IReadOnlyList<IReadOnlyDictionary<int, Answer>> Responses)> ResponsesAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.SurveysRead, ct);
        await closing.SettleAsync(id, ct);
        var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstAsync(x => x.Id == id, ct);
        if (s.Status != SurveyStatus.Closed)
        {
            throw new DomainRuleException("Survey.NotClosed", "survey");
        }

        var ballots = await boxes.FindAsync(s.BoxKey, ct) is null ? [] : await boxes.BallotsAsync(s.BoxKey, ct);
        return (s.Specs(), [.. ballots.Select(b => (IReadOnlyDictionary<int, Answer>)SurveyAnswers.Parse(b.Content))]);
    }

    /// <summary>The latest satisfaction survey of a target (SRV-3), with its result once closed; null when there is none.</summary>
    public async Task<SatisfactionSummary?> SatisfactionAsync(SurveyTargetKind kind, int targetId, CancellationToken ct = default)
    {
        await targets.DemandAsync(kind, targetId, Permission.SurveysRead, ct);
        var orgs = await scopes.OrganizationsAsync(Permission.SurveysRead, ct);
        var id = await db.Surveys.AsNoTracking().Where(s => s.TargetKind == kind && s.TargetId == targetId)
            .Join(orgs, s => s.OrganizationId, o => o.Id, (s, o) => s.Id).OrderByDescending(x => x).FirstOrDefaultAsync(ct);
        if (id == 0)
        {
            return null;
        }

        var view = await GetAsync(id, ct);
        return new SatisfactionSummary(view, view.Status == SurveyStatus.Closed ? await StatisticsAsync(id, ct) : null);
    }

    /// <summary>The survey's organization after <paramref name="permission"/> on it; not found and out of scope look alike to a caller without grants.</summary>
    internal async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct)
    {
        var orgId = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.OrganizationId).FirstOrDefaultAsync(ct);
        if (orgId is null)
        {
            throw (await scopes.GetAsync(ct)).Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("survey", id);
        }

        await scopes.DemandAsync(permission, orgId.Value, ct);
        return orgId.Value;
    }
}
