using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>Reading campaigns in the caller's scope: the list (filters, search, paging, export), one campaign, live progress.</summary>
public sealed class CampaignQueries(
    DangjianDbContext db, CampaignAccess access, ScopeService scopes, OrgClock clock,
    EnumLabels labels, IStringLocalizer<CampaignText> text)
{
    public async Task<Paged<CampaignRow>> ListAsync(
        int? year, CampaignKind? kind, CampaignStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var query = await QueryAsync(year, kind, status, search, ct);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(window.Skip).Take(size).ToListAsync(ct);
        return new Paged<CampaignRow>(items, total, p, size);
    }

    public async Task<byte[]> ExportAsync(int? year, CampaignKind? kind, CampaignStatus? status, string? search, CancellationToken ct = default)
    {
        var rows = (await (await QueryAsync(year, kind, status, search, ct)).Take(50_000).ToListAsync(ct)).Select(c => new Dictionary<string, object?>
        {
            [text["Col.Title"]] = ExcelFile.Safe(c.Title),
            [text["Col.Year"]] = c.Year,
            [text["Col.Kind"]] = labels.Of(c.Kind),
            [text["Col.Status"]] = labels.Of(c.Status),
            [text["Col.Organization"]] = ExcelFile.Safe(c.OrganizationName),
            [text["Col.OpensAt"]] = clock.Format(c.OpensAt),
            [text["Col.ClosesAt"]] = clock.Format(c.ClosesAt),
            [text["Col.Subjects"]] = c.Subjects,
            [text["Col.Groups"]] = c.Groups,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private async Task<IQueryable<CampaignRow>> QueryAsync(int? year, CampaignKind? kind, CampaignStatus? status, string? search, CancellationToken ct)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.EvaluationsRead, ct);
        var q = from c in db.EvaluationCampaigns.AsNoTracking()
                join o in orgs on c.OrganizationId equals o.Id
                select new { c, o.Name };
        if (year is { } y)
        {
            q = q.Where(x => x.c.Year == y);
        }

        if (kind is { } k)
        {
            q = q.Where(x => x.c.Kind == k);
        }

        if (status is { } s)
        {
            q = q.Where(x => x.c.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            q = q.Where(x => x.c.Title.Contains(term) || x.Name.Contains(term));
        }

        return q.OrderByDescending(x => x.c.Year).ThenByDescending(x => x.c.Id).Select(x => new CampaignRow(
            x.c.Id, x.c.Title, x.c.Year, x.c.Kind, x.c.SubjectKind, x.c.Status, x.c.OrganizationId, x.Name, x.c.OpensAt, x.c.ClosesAt,
            db.EvaluationSubjects.Count(s => s.CampaignId == x.c.Id), db.EvaluationGroups.Count(g => g.CampaignId == x.c.Id)));
    }

    /// <summary>The active organizations the caller may run a campaign for (of some kind: a member review at least), by tree order.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> WritableOrganizationsAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.EvaluationsRunMemberReview, ct);
        var rows = await orgs.AsNoTracking().Where(o => o.Status == Dangjian.Domain.Organizations.OrganizationStatus.Active && o.Kind != Dangjian.Domain.Organizations.OrganizationKind.PartyGroup)
            .OrderBy(o => o.Path).Take(500).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<CampaignView> GetAsync(int id, CancellationToken ct = default)
    {
        var target = await access.DemandCampaignAsync(id, Permission.EvaluationsRead, ct);
        var c = await db.EvaluationCampaigns.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var templateName = c.TemplateId is { } tid ? await db.EvaluationTemplates.AsNoTracking().Where(t => t.Id == tid).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == id).OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new SubjectView(s.Id, s.Name, s.Description, s.PersonId, s.SubjectOrganizationId, s.Order, s.Version)).ToListAsync(ct);
        var groups = await GroupsAsync(id, ct);
        return new CampaignView(
            c.Id, c.Title, c.Year, c.Kind, c.SubjectKind, c.Status, c.OrganizationId, orgName, c.TemplateId, templateName,
            CampaignJson.Criteria(c.CriteriaJson), CampaignJson.Grades(c.GradesJson), CampaignJson.Components(c.ComponentsJson), c.VetoGrade,
            c.Announcement, c.AnnouncedAt, c.OpensAt, c.ClosesAt, c.Seed, AcceptingNow(c.Status, c.OpensAt, c.ClosesAt),
            subjects, groups, await access.MayRunAsync(target, ct), c.Version);
    }

    /// <summary>Per group: codes issued and responses received (counts only, never who or when; EVA-5).</summary>
    public async Task<CampaignProgress> ProgressAsync(int id, CancellationToken ct = default)
    {
        var t = await access.DemandCampaignAsync(id, Permission.EvaluationsRead, ct);
        var c = await db.EvaluationCampaigns.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.OpensAt, x.ClosesAt }).FirstAsync(ct);
        var groups = await GroupsAsync(id, ct);
        return new CampaignProgress(id, t.Status, AcceptingNow(t.Status, c.OpensAt, c.ClosesAt), groups.Select(Progress).ToList());
    }

    public static GroupProgress Progress(GroupView g) =>
        new(g.Id, g.Name, g.CodesIssued, g.ResponsesReceived, g.CodesIssued == 0 ? 0 : Math.Round((decimal)g.ResponsesReceived / g.CodesIssued, 4), g.BoxOpen, g.BoxClosed);

    /// <summary>Whether a response is taken now: the campaign Open and now within [OpensAt, ClosesAt).</summary>
    public bool AcceptingNow(CampaignStatus status, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        var now = clock.UtcNow;
        return status == CampaignStatus.Open && now >= opensAt && now < closesAt;
    }

    private async Task<List<GroupView>> GroupsAsync(int campaignId, CancellationToken ct)
    {
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync(ct);
        var keys = groups.Select(g => g.BoxKey).ToList();
        var found = await db.BallotBoxes.AsNoTracking().Where(b => keys.Contains(b.Key)).ToDictionaryAsync(b => b.Key, ct);
        return groups.Select(g =>
        {
            var box = found.GetValueOrDefault(g.BoxKey);
            return new GroupView(g.Id, g.Name, g.Kind, g.Weight, g.Order, g.SampleSize, g.Stratified, g.PopulationNote,
                box?.CodesIssued ?? 0, box?.BallotsCast ?? 0, box?.IsOpen ?? false, box?.Closed ?? false, g.Version);
        }).ToList();
    }

    /// <summary>The drawn evaluators of a group, as published (names and keys only; never an ID number).</summary>
    public async Task<SampleView> SampleAsync(int groupId, CancellationToken ct = default)
    {
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRead, ct);
        var g = await db.EvaluationGroups.AsNoTracking().FirstAsync(x => x.Id == groupId, ct);
        var c = await db.EvaluationCampaigns.AsNoTracking().Where(x => x.Id == t.CampaignId).Select(x => new { x.Title, x.Seed }).FirstAsync(ct);
        var drawn = await db.EvaluatorSamples.AsNoTracking().Where(s => s.GroupId == groupId).OrderBy(s => s.Rank)
            .Select(s => new DrawnEvaluator(s.Rank, s.Key, s.Name, s.Stratum)).ToListAsync(ct);
        return new SampleView(g.Id, g.Name, t.CampaignId, c.Title, c.Seed, g.SampleSize, g.Stratified, g.PopulationNote, drawn);
    }
}
