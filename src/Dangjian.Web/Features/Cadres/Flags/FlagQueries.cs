using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Flags;

/// <summary>Strings of the flags page (FlagsText.resx, FlagsText.en.resx).</summary>
public sealed class FlagsText;

/// <summary>A flagged person: their grades by year, the flags, and whether they are in the reserve pool today.</summary>
public sealed record FlaggedPersonView(
    int PersonId, string Name, string OrganizationName, IReadOnlyList<AnnualGrade> Grades, IReadOnlyList<CadreFlag> Flags, bool InReservePool);

public sealed record FlagsView(int OrganizationId, string OrganizationName, int ThroughYear, IReadOnlyList<FlaggedPersonView> People, bool CanWrite);

/// <summary>
/// The incentive and exit flags (CAD-7) of the people on an organization's roster subtree, from their annual assessment
/// results in the evaluations module (finalized 年度考核 campaigns; where two graded a year, the later campaign's), by
/// <see cref="CadreFlags.List"/> with the default rule data (<see cref="IncentiveRules.Defaults"/>).
/// </summary>
public sealed class FlagQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<FlagsView> ListAsync(int? organizationId, int? throughYear, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var year = throughYear ?? clock.Today.Year - 1;
        if (year < 1900 || year > 2200)
        {
            throw new InputValidationException(new FieldErrors().Add("throughYear", "Input.OutOfRange", "Field.Cadre.AssessmentYear", 1900, 2200));
        }

        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Path, o.Name }).FirstAsync(ct);
        var rows = await (from r in db.EvaluationResults.AsNoTracking()
                          join s in db.EvaluationSubjects on r.SubjectId equals s.Id
                          join c in db.EvaluationCampaigns on r.CampaignId equals c.Id
                          join p in db.People on s.PersonId equals p.Id
                          join o in db.Organizations on p.OrganizationId equals o.Id
                          where c.Kind == CampaignKind.AnnualAssessment && c.Status == CampaignStatus.Finalized && c.Year <= year
                              && !p.IsRemoved && o.Path.StartsWith(root.Path)
                          select new { CampaignId = c.Id, c.Year, r.Grade, PersonId = p.Id, p.Name, Org = o.Name }).ToListAsync(ct);
        var grades = rows.GroupBy(r => (r.PersonId, r.Year)).Select(g => g.MaxBy(r => r.CampaignId)!).ToList();
        var flagged = CadreFlags.List(grades.Select(g => new PersonGrade(g.PersonId, g.Year, g.Grade)), IncentiveRules.Defaults, year);
        var ids = flagged.Select(f => f.PersonId).ToList();
        var today = clock.Today;
        var inPool = await db.ReserveCadres.AsNoTracking()
            .Where(e => ids.Contains(e.PersonId) && e.EnteredOn <= today && (e.LeftOn == null || e.LeftOn > today)).Select(e => e.PersonId).ToListAsync(ct);
        var people = grades.ToLookup(g => g.PersonId);
        return new FlagsView(orgId, root.Name, year, [.. flagged
            .Select(f => new FlaggedPersonView(
                f.PersonId, people[f.PersonId].First().Name, people[f.PersonId].First().Org,
                [.. people[f.PersonId].OrderBy(g => g.Year).Select(g => new AnnualGrade(g.Year, g.Grade))], f.Flags, inPool.Contains(f.PersonId)))
            .OrderBy(f => f.Flags[0].Kind).ThenBy(f => f.Name, StringComparer.Ordinal)],
            await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }
}
