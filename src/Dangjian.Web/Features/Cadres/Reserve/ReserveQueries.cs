using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>
/// The reserve cadre pool (CAD-1) read over an organization's subtree (Cadres.Read): the list on a day, one entry with
/// what the evaluations and study modules hold of the person, and the views (<see cref="ReservePoolViews"/>).
/// </summary>
public sealed class ReserveQueries(DangjianDbContext db, ScopeService scopes, CadrePeople people, OrgClock clock)
{
    public async Task<ReserveListView> ListAsync(ReserveFilter f, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(f.OrganizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var errors = new FieldErrors();
        var (page, size) = Paging.Check(f.Page, f.PageSize, errors);
        errors.ThrowIfAny();
        var asOf = f.AsOf ?? clock.Today;
        var q = await FilteredAsync(orgId, f, asOf, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.PersonName).ThenBy(r => r.Id).Skip(new PageWindow(page, size).Skip).Take(size).ToListAsync(ct);
        var orgs = await people.SubtreeAsync(orgId, ct);
        var types = await db.ReserveCadres.AsNoTracking().Where(e => orgs.Contains(e.OrganizationId)).Select(e => e.TargetPostType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var fields = await db.ReserveCadres.AsNoTracking().Where(e => orgs.Contains(e.OrganizationId) && e.Field != null).Select(e => e.Field!).Distinct().OrderBy(t => t).ToListAsync(ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        return new ReserveListView(orgId, name, asOf, new Paged<ReserveCadreRow>([.. rows.Select(r => r.Row(asOf))], total, page, size), types,
            await scopes.MayAsync(Permission.CadresWrite, orgId, ct), fields);
    }

    /// <summary>Every entry the filter picks (no paging), by name: what the export writes.</summary>
    public async Task<(DateOnly AsOf, IReadOnlyList<ReserveCadreRow> Rows)> AllAsync(ReserveFilter f, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(f.OrganizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var asOf = f.AsOf ?? clock.Today;
        var rows = await (await FilteredAsync(orgId, f, asOf, ct)).OrderBy(r => r.PersonName).ThenBy(r => r.Id).ToListAsync(ct);
        return (asOf, [.. rows.Select(r => r.Row(asOf))]);
    }

    /// <summary>The pool on a day counted by post type, age band, education and field of work (<see cref="ReservePoolViews.On"/>).</summary>
    public async Task<ReservePoolView> ViewsAsync(int? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var orgs = await people.SubtreeAsync(orgId, ct);
        var day = asOf ?? clock.Today;
        var entries = await (from e in db.ReserveCadres.AsNoTracking()
                             join p in db.People on e.PersonId equals p.Id
                             where orgs.Contains(e.OrganizationId) && e.EnteredOn <= day && (e.LeftOn == null || e.LeftOn > day)
                             select new { Entry = e, p.BirthDate, p.Education }).ToListAsync(ct);
        return ReservePoolViews.On(entries.Select(e => new ReserveCadreFacts(e.Entry, e.BirthDate, e.Education)), AgeBands.Defaults, day);
    }

    public async Task<ReserveCadreView> OneAsync(int id, int? studyYear = null, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(id, Permission.CadresRead, ct);
        var e = await db.ReserveCadres.AsNoTracking().Include(x => x.Postings).Include(x => x.Assessments).FirstAsync(x => x.Id == id, ct);
        var today = clock.Today;
        var row = await Rows(db.ReserveCadres.AsNoTracking().Where(x => x.Id == id)).FirstAsync(ct);
        var year = studyYear ?? today.Year;
        var grades = await AnnualGradesAsync(e.PersonId, ct);
        var records = await db.StudyRecords.AsNoTracking()
            .Where(r => r.PersonId == e.PersonId && r.Status == StudyRecordStatus.Approved
                && ((r.Date != null && r.Date.Value.Year == year) || (r.From != null && r.From.Value.Year == year)))
            .Select(r => new { r.Hours, r.From, r.To }).ToListAsync(ct);
        var study = new StudySummaryView(
            year, records.Count, records.Sum(r => r.Hours ?? 0m),
            records.Where(r => r.From is not null && r.To is not null).Sum(r => r.To!.Value.DayNumber - r.From!.Value.DayNumber + 1));
        var lastYear = e.Assessments.Count == 0 ? today.Year - 1 : e.Assessments.Max(a => a.Year);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        return new ReserveCadreView(
            row.Row(today), orgId, orgName, e.EntryReason, e.Version,
            [.. e.Postings.OrderBy(p => p.From).Select(p => new PostingView(p.Id, p.Kind, p.Place, p.From, p.To))],
            [.. e.Assessments.OrderBy(a => a.Year).Select(a => new AssessmentView(a.Year, a.Grade))],
            grades, study, CadreFlags.For(e.Grades(), IncentiveRules.Defaults, lastYear),
            e.IsOpen && await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    /// <summary>
    /// The person's annual assessment results (年度考核) in finalized campaigns of the evaluations module, by year; where two
    /// campaigns graded one year, the later campaign's.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationGradeView>> AnnualGradesAsync(int personId, CancellationToken ct = default)
    {
        var rows = await (from r in db.EvaluationResults.AsNoTracking()
                          join s in db.EvaluationSubjects on r.SubjectId equals s.Id
                          join c in db.EvaluationCampaigns on r.CampaignId equals c.Id
                          where s.PersonId == personId && c.Kind == CampaignKind.AnnualAssessment && c.Status == CampaignStatus.Finalized
                          select new { c.Id, c.Year, r.Grade, c.Title, c.GradesJson }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Year).Select(g => g.MaxBy(r => r.Id)!).OrderBy(r => r.Year).Select(r => new EvaluationGradeView(r.Year, r.Grade, r.Title))];
    }

    /// <summary>Demands <paramref name="permission"/> on the entry's organization; its id.</summary>
    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var orgId = await db.ReserveCadres.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "reserveCadre", id, permission, ct);
        return orgId!.Value;
    }

    private async Task<IQueryable<Line>> FilteredAsync(int orgId, ReserveFilter f, DateOnly asOf, CancellationToken ct)
    {
        var orgs = await people.SubtreeAsync(orgId, ct);
        var q = db.ReserveCadres.AsNoTracking().Where(e => orgs.Contains(e.OrganizationId));
        q = (f.Status ?? PoolStatusFilter.In) switch
        {
            PoolStatusFilter.In => q.Where(e => e.EnteredOn <= asOf && (e.LeftOn == null || e.LeftOn > asOf)),
            PoolStatusFilter.Out => q.Where(e => e.LeftOn != null && e.LeftOn <= asOf),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(f.PostType))
        {
            var t = f.PostType.Trim();
            q = q.Where(e => e.TargetPostType == t);
        }

        if (!string.IsNullOrWhiteSpace(f.Field))
        {
            var field = f.Field.Trim();
            q = q.Where(e => e.Field == field);
        }

        if (!string.IsNullOrWhiteSpace(f.PostLevel))
        {
            var l = f.PostLevel.Trim();
            q = q.Where(e => e.TargetPostLevel == l);
        }

        var lines = Rows(q);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            lines = lines.Where(r => r.PersonName.Contains(s));
        }

        return lines;
    }

    private IQueryable<Line> Rows(IQueryable<ReserveCadre> q) =>
        from e in q
        join p in db.People on e.PersonId equals p.Id
        join o in db.Organizations on p.OrganizationId equals o.Id
        select new Line
        {
            Id = e.Id, PersonId = p.Id, PersonName = p.Name, PersonOrganization = o.Name, Education = p.Education, BirthDate = p.BirthDate,
            TargetPostLevel = e.TargetPostLevel, TargetPostType = e.TargetPostType, Source = e.Source, EnteredOn = e.EnteredOn, LeftOn = e.LeftOn,
            LeaveReason = e.LeaveReason, Field = e.Field,
        };

    /// <summary>A list line as the database reads it.</summary>
    private sealed class Line
    {
        public int Id { get; init; }

        public int PersonId { get; init; }

        public string PersonName { get; init; } = string.Empty;

        public string PersonOrganization { get; init; } = string.Empty;

        public string? Education { get; init; }

        public DateOnly? BirthDate { get; init; }

        public string TargetPostLevel { get; init; } = string.Empty;

        public string TargetPostType { get; init; } = string.Empty;

        public ReserveSource Source { get; init; }

        public DateOnly EnteredOn { get; init; }

        public DateOnly? LeftOn { get; init; }

        public string? LeaveReason { get; init; }

        public string? Field { get; init; }

        public ReserveCadreRow Row(DateOnly asOf) => new(
            Id, PersonId, PersonName, PersonOrganization, Education, BirthDate, TargetPostLevel, TargetPostType, Source, EnteredOn, LeftOn, LeaveReason,
            EnteredOn <= asOf && (LeftOn is not { } left || asOf < left), Field);
    }
}
