using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Lectures;

/// <summary>
/// 理论课 (STU-7) as read: the lectures of an organization's subtree in a year and the list of cadres without one
/// (seed 004, 三 (一): 每个区管干部每年在单位内部上一堂以上理论课). The cadres are the leaders of the subtree in office.
/// </summary>
public sealed class TheoryLectureQueries(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, OrgClock clock)
{
    public async Task<TheoryLecturesView> ListAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var y = year ?? clock.Today.Year;
        if (y < SaneDates.MinDay.Year || y > SaneDates.MaxDay.Year)
        {
            throw new InputValidationException(new FieldErrors().Add("year", "Input.OutOfRange", "Field.Study.LectureYear", SaneDates.MinDay.Year, SaneDates.MaxDay.Year));
        }

        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var cadres = await leaders.OfSubtreeAsync(orgId, clock.Today.Year == y ? clock.Today : new DateOnly(y, 12, 31), ct);
        var lectures = await db.TheoryLectures.AsNoTracking()
            .Where(l => (l.GivenOn == null ? l.PlannedOn.Year == y : l.GivenOn.Value.Year == y)
                && db.Organizations.Any(o => o.Id == l.OrganizationId && o.Path.StartsWith(org.Path)))
            .ToListAsync(ct);
        var without = TheoryLectures.CadresWithout(cadres.Select(c => c.PersonId), lectures, y).ToHashSet();
        return new TheoryLecturesView(
            orgId, org.Name, y, await ViewsAsync(lectures, ct),
            [.. cadres.Where(c => without.Contains(c.PersonId)).Select(c => new CadreWithoutLectureView(c.PersonId, c.Name, c.OrganizationId, c.OrganizationName))],
            await scopes.MayAsync(Permission.StudyWrite, orgId, ct));
    }

    /// <summary>The cadres of the organization's subtree in office today, whom a lecture may be planned for.</summary>
    public async Task<IReadOnlyList<StudyLeader>> CadresAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.StudyRead, organizationId, ct);
        return await leaders.OfSubtreeAsync(organizationId, clock.Today, ct);
    }

    public async Task<IReadOnlyList<TheoryLectureView>> ViewsAsync(IReadOnlyList<TheoryLecture> lectures, CancellationToken ct = default)
    {
        var personIds = lectures.Select(l => l.PersonId).Distinct().ToList();
        var orgIds = lectures.Select(l => l.OrganizationId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. lectures.OrderBy(l => l.GivenOn ?? l.PlannedOn).ThenBy(l => l.Id).Select(l => new TheoryLectureView(
            l.Id, l.PersonId, names.GetValueOrDefault(l.PersonId, string.Empty), l.OrganizationId, orgs[l.OrganizationId], l.Topic, l.PlannedOn, l.GivenOn, l.Status, l.Version, l.Hours))];
    }
}
