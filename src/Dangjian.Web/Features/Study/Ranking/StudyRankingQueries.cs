using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Ranking;

/// <summary>The half-yearly rankings (自学标兵 / 后进, STU-5) of an organization as stored.</summary>
public sealed class StudyRankingQueries(DangjianDbContext db, ScopeService scopes)
{
    public async Task<StudyRankingsView> ListAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var rounds = await db.StudyRankingRounds.AsNoTracking().Include(r => r.Lines)
            .Where(r => r.OrganizationId == orgId).OrderByDescending(r => r.Year).ThenByDescending(r => r.Half).ToListAsync(ct);
        return new StudyRankingsView(orgId, name, [.. rounds.Select(View)], await scopes.MayAsync(Permission.StudyWrite, orgId, ct));
    }

    public static StudyRankingRoundView View(StudyRankingRound r) => new(
        r.Id, r.OrganizationId, r.Year, r.Half, r.Period.Start, r.Period.End, r.Status, r.ConfirmedBy, r.ConfirmedAt,
        [.. r.Lines.OrderBy(l => l.Rank).ThenBy(l => l.Id).Select(l => new StudyRankingLineView(
            l.PersonId, l.Name, l.Credits, l.ExamScore, l.Rank, l.Proposed, l.Decision, l.RectificationDeadline, l.ClassName))],
        r.Version);
}
