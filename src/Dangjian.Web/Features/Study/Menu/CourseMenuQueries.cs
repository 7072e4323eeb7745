using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Menu;

/// <summary>
/// 菜单式培训 (STU-6) as read: an organization's menu of a year with each leader's picks, and the training statistics of
/// its subtree computed by <see cref="TrainingStatistics"/> from the courses attended.
/// </summary>
public sealed class CourseMenuQueries(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, CourseMenuRules rules, OrgClock clock)
{
    public async Task<CourseMenusView> ForYearAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var y = Year(year);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var menu = await db.CourseMenus.AsNoTracking().Include(m => m.Courses).Include(m => m.Picks)
            .Where(m => m.OrganizationId == orgId && m.Year == y).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        return new CourseMenusView(orgId, name, y, menu is null ? null : await ViewAsync(menu, ct), await scopes.MayAsync(Permission.StudyWrite, orgId, ct));
    }

    /// <summary>The menu as its page shows it; its leaders are those of its organization's subtree in office today (or at the year's end).</summary>
    public async Task<CourseMenuView> ViewAsync(CourseMenu menu, CancellationToken ct = default)
    {
        var people = await leaders.OfSubtreeAsync(menu.OrganizationId, Day(menu.Year), ct);
        var known = people.Select(p => p.PersonId).ToHashSet();
        var others = menu.Picks.Select(p => p.PersonId).Where(id => !known.Contains(id)).Distinct().ToList();

        // Someone who picked and has since left office keeps their picks on the list.
        var former = await db.People.AsNoTracking().Where(p => others.Contains(p.Id))
            .Select(p => new StudyLeader(p.Id, p.Name, p.OrganizationId, string.Empty)).ToListAsync(ct);
        return new CourseMenuView(
            menu.Id, menu.OrganizationId, menu.Year, menu.Status, rules.MinPicks, rules.MaxPicks,
            [.. menu.Courses.OrderBy(c => c.Date ?? DateOnly.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).Select(c => new MenuCourseView(
                c.Id, c.Title, c.Date, c.Hours, menu.Picks.Count(p => p.CourseId == c.Id), menu.Picks.Count(p => p.CourseId == c.Id && p.Attended), c.Teacher))],
            [.. people.Concat(former).Select(l => new MenuLeaderView(
                l.PersonId, l.Name, l.OrganizationName,
                [.. menu.Picks.Where(p => p.PersonId == l.PersonId).Select(p => new CoursePickView(p.CourseId, p.Attended))]))],
            menu.Version);
    }

    /// <summary>
    /// The seed's table (seed 003, 4, 教育培训) over the leaders of the organization's subtree: each counted by the courses
    /// they attended on any menu of the year.
    /// </summary>
    public async Task<TrainingStatisticsView> StatisticsAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var y = Year(year);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        var people = await leaders.OfSubtreeAsync(orgId, Day(y), ct);
        var ids = people.Select(p => p.PersonId).ToList();
        var times = (await db.CoursePicks.AsNoTracking()
                .Where(p => p.Attended && ids.Contains(p.PersonId) && db.CourseMenus.Any(m => m.Id == p.MenuId && m.Year == y))
                .Select(p => p.PersonId).ToListAsync(ct))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var s = TrainingStatistics.Of(ids, times);
        return new TrainingStatisticsView(
            orgId, name, y, s.People,
            [Band("ThreeOrMore", s.ThreeOrMore), Band("Twice", s.Twice), Band("Once", s.Once), Band("Never", s.Never)],
            [.. people.Select(p => new TrainedPersonView(p.PersonId, p.Name, p.OrganizationName, times.GetValueOrDefault(p.PersonId)))]);
    }

    /// <summary>The courses on the organization's menus of the year (what the export lists beside the statistics); read as <see cref="StatisticsAsync"/> is.</summary>
    public async Task<IReadOnlyList<MenuCourseView>> CoursesAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var y = Year(year);
        await scopes.DemandAsync(Permission.StudyRead, orgId, ct);
        var menus = await db.CourseMenus.AsNoTracking().Include(m => m.Courses).Include(m => m.Picks)
            .Where(m => m.OrganizationId == orgId && m.Year == y).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. menus.SelectMany(m => m.Courses.OrderBy(c => c.Date ?? DateOnly.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).Select(c => new MenuCourseView(
            c.Id, c.Title, c.Date, c.Hours, m.Picks.Count(p => p.CourseId == c.Id), m.Picks.Count(p => p.CourseId == c.Id && p.Attended), c.Teacher)))];
    }

    private static TrainingBandView Band(string band, TrainingBand b) => new(band, b.People, b.Percent);

    /// <summary>The leaders of a year are those in office today in this year, or at the end of a past or future year.</summary>
    private DateOnly Day(int year) => clock.Today.Year == year ? clock.Today : new DateOnly(year, 12, 31);

    private int Year(int? year)
    {
        var y = year ?? clock.Today.Year;
        if (y < Domain.Common.SaneDates.MinDay.Year || y > Domain.Common.SaneDates.MaxDay.Year)
        {
            throw new InputValidationException(new FieldErrors().Add(
                "year", "Input.OutOfRange", "Field.Study.MenuYear", Domain.Common.SaneDates.MinDay.Year, Domain.Common.SaneDates.MaxDay.Year));
        }

        return y;
    }
}
