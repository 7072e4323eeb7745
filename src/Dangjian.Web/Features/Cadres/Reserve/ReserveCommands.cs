using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>
/// Changes to the reserve pool (CAD-1): Cadres.Write on the entry's organization, the rule on <see cref="ReserveCadre"/>,
/// one audited save. A stale version is a 409.
/// </summary>
public sealed class ReserveCommands(DangjianDbContext db, ScopeService scopes, CadrePeople people, ReserveQueries queries, OrgClock clock)
{
    public async Task<ReserveCadreView> EnterAsync(EnterReserveRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        await people.DemandOnRosterAsync(orgId, r.PersonId, "personId", ct);
        var errors = new FieldErrors();
        if (r.Source is null)
        {
            errors.Add("source", "Input.Required", "Field.Cadre.Source");
        }

        errors.ThrowIfAny();
        var earlier = await db.ReserveCadres.AsNoTracking().Where(e => e.PersonId == r.PersonId).ToListAsync(ct);
        var entry = ReserveCadre.Enter(
            r.PersonId!.Value, orgId, r.TargetPostLevel, r.TargetPostType, r.Source!.Value, r.EnteredOn ?? clock.Today, r.Reason, earlier, clock.Today, r.Field);
        db.ReserveCadres.Add(entry);
        db.AuditAction = "ReserveCadre.Entered";
        await db.SaveChangesAsync(ct);
        return await queries.OneAsync(entry.Id, null, ct);
    }

    public async Task<ReserveCadreView> AddPostingAsync(int id, AddPostingRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        if (r.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Cadre.PostingKind");
        }

        if (r.From is null)
        {
            errors.Add("from", "Input.Required", "Field.Cadre.PostingFrom");
        }

        errors.ThrowIfAny();
        entry.AddPosting(r.Kind!.Value, r.Place, r.From!.Value, r.To);
        return await SaveAsync(entry, "ReserveCadre.PostingAdded", ct);
    }

    public async Task<ReserveCadreView> EndPostingAsync(int id, int postingId, EndPostingRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        var posting = entry.Postings.Find(p => p.Id == postingId) ?? throw new NotFoundException("posting", postingId);
        if (r.To is null)
        {
            throw new InputValidationException(new FieldErrors().Add("to", "Input.Required", "Field.Cadre.PostingTo"));
        }

        entry.EndPosting(posting, r.To.Value);
        return await SaveAsync(entry, "ReserveCadre.PostingEnded", ct);
    }

    /// <summary>
    /// Notes every annual result the evaluations module holds for the person (finalized 年度考核 campaigns), each against
    /// its campaign's grade list; a year already noted with the same grade is left as it is.
    /// </summary>
    public async Task<ReserveCadreView> PullAssessmentsAsync(int id, VersionRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        var results = await (from x in db.EvaluationResults.AsNoTracking()
                             join s in db.EvaluationSubjects on x.SubjectId equals s.Id
                             join c in db.EvaluationCampaigns on x.CampaignId equals c.Id
                             where s.PersonId == entry.PersonId && c.Kind == CampaignKind.AnnualAssessment && c.Status == CampaignStatus.Finalized
                             select new { c.Id, c.Year, x.Grade, c.GradesJson }).ToListAsync(ct);
        foreach (var g in results.GroupBy(x => x.Year).Select(g => g.MaxBy(x => x.Id)!).OrderBy(x => x.Year))
        {
            entry.NoteAssessment(g.Year, g.Grade, CampaignJson.Grades(g.GradesJson));
        }

        return await SaveAsync(entry, "ReserveCadre.AssessmentsNoted", ct);
    }

    public async Task<ReserveCadreView> LeaveAsync(int id, LeavePoolRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        if (r.LeftOn is null)
        {
            throw new InputValidationException(new FieldErrors().Add("leftOn", "Input.Required", "Field.Cadre.LeftOn"));
        }

        entry.Leave(r.LeftOn.Value, r.Reason, clock.Today);
        return await SaveAsync(entry, "ReserveCadre.Left", ct);
    }

    private async Task<ReserveCadre> LoadAsync(int id, int version, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.CadresWrite, ct);
        var entry = await db.ReserveCadres.Include(e => e.Postings).Include(e => e.Assessments).FirstAsync(e => e.Id == id, ct);
        db.ExpectVersion(entry, version);
        return entry;
    }

    private async Task<ReserveCadreView> SaveAsync(ReserveCadre entry, string action, CancellationToken ct)
    {
        // A change to a child row alone still raises the entry's version, so a second editor's stale page gets a 409.
        db.Entry(entry).State = EntityState.Modified;
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.OneAsync(entry.Id, null, ct);
    }
}
