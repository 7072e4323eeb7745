using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Menu;

/// <summary>
/// 菜单式培训 (STU-6) changed: a menu made for a year, courses put on it, opened for picking and closed, each leader's
/// picks between the rule data's bounds (<see cref="CourseMenuRules"/>) and attendance; every rule is
/// <see cref="CourseMenu"/>'s. Study.Write on the menu's organization. An attended course becomes the leader's study
/// record (<see cref="StudyRecord.OfCourse"/>), so it counts for credits and the requirements like any other.
/// </summary>
public sealed class CourseMenuCommands(
    DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, CourseMenuQueries queries, CourseMenuRules rules, CurrentUser user, OrgClock clock)
{
    public async Task<CourseMenuView> CreateAsync(CreateCourseMenuRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.StudyWrite, orgId, ct);
        if (r.Year is null)
        {
            throw new InputValidationException(new FieldErrors().Add("year", "Input.Required", "Field.Study.MenuYear"));
        }

        var menu = CourseMenu.Create(orgId, r.Year.Value);
        if (await db.CourseMenus.AnyAsync(m => m.OrganizationId == orgId && m.Year == menu.Year, ct))
        {
            throw new DomainRuleException("Study.MenuExists", "year", menu.Year);
        }

        db.CourseMenus.Add(menu);
        db.AuditAction = "CourseMenu.Created";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(menu, ct);
    }

    public async Task<CourseMenuView> AddCourseAsync(int id, AddMenuCourseRequest r, CancellationToken ct = default)
    {
        var menu = await LoadAsync(id, r.Version, ct);
        menu.AddCourse(r.Title ?? string.Empty, r.Date, r.Hours ?? 0, r.Teacher);
        db.AuditAction = "CourseMenu.CourseAdded";
        return await SaveAsync(menu, ct);
    }

    public async Task<CourseMenuView> OpenAsync(int id, CourseMenuVersionRequest r, CancellationToken ct = default)
    {
        var menu = await LoadAsync(id, r.Version, ct);
        menu.Open(rules);
        db.AuditAction = "CourseMenu.Opened";
        return await SaveAsync(menu, ct);
    }

    public async Task<CourseMenuView> CloseAsync(int id, CourseMenuVersionRequest r, CancellationToken ct = default)
    {
        var menu = await LoadAsync(id, r.Version, ct);
        menu.Close();
        db.AuditAction = "CourseMenu.Closed";
        return await SaveAsync(menu, ct);
    }

    /// <summary>A leader of the menu's organization's subtree picks; their earlier picks are replaced.</summary>
    public async Task<CourseMenuView> PickAsync(int id, PickCoursesRequest r, CancellationToken ct = default)
    {
        var menu = await LoadAsync(id, r.Version, ct);
        var people = await leaders.OfSubtreeAsync(menu.OrganizationId, clock.Today, ct);
        if (r.PersonId is not { } personId || !people.Any(p => p.PersonId == personId))
        {
            throw new DomainRuleException("Study.NotALeaderOf", "personId");
        }

        menu.Pick(personId, r.CourseIds ?? [], rules);
        db.AuditAction = "CourseMenu.Picked";
        return await SaveAsync(menu, ct);
    }

    /// <summary>
    /// Attendance of many picks: every row checked before any is saved; a bad row is named on its own field. Each pick
    /// attended has its one course record (kept by the menu) and each one not attended has none; both saved with the menu.
    /// </summary>
    public async Task<CourseMenuView> RecordAttendanceAsync(int id, RecordCourseAttendanceRequest r, CancellationToken ct = default)
    {
        var menu = await LoadAsync(id, r.Version, ct);
        var rows = r.Rows ?? [];
        var pickers = menu.Picks.Select(k => k.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => pickers.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Name, p.OrganizationId), ct);
        var names = people.ToDictionary(p => p.Key, p => p.Value.Name);
        var errors = new FieldErrors();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                menu.RecordAttendance(rows[i].PersonId ?? 0, rows[i].CourseId ?? Guid.Empty, rows[i].Attended, clock.Today);
            }
            catch (DomainRuleException e)
            {
                errors.AddRow("rows", i, names.GetValueOrDefault(rows[i].PersonId ?? 0, string.Empty), FieldErrors.From(e));
            }
        }

        errors.ThrowIfAny();
        await LinkRecordsAsync(menu, rows, people, ct);
        db.AuditAction = "CourseMenu.AttendanceRecorded";
        return await SaveAsync(menu, ct);
    }

    /// <summary>
    /// Makes the course record of each pick the rows attend that has none yet (so attending twice makes one), and deletes
    /// the record of each pick they take back: it was never study done. The row audit keeps the deleted record's values,
    /// as it keeps every change, so the deletion is still traced.
    /// </summary>
    private async Task LinkRecordsAsync(CourseMenu menu, IReadOnlyList<CourseAttendanceRow> rows, Dictionary<int, (string Name, int OrganizationId)> people, CancellationToken ct)
    {
        var courseIds = menu.Courses.Select(c => c.Id).ToList();
        var linked = await db.StudyRecords.Where(x => x.MenuCourseId != null && courseIds.Contains(x.MenuCourseId.Value)).ToListAsync(ct);
        foreach (var pick in rows.Select(row => menu.Picks.First(p => p.PersonId == row.PersonId && p.CourseId == row.CourseId)).Distinct())
        {
            var record = linked.Find(x => x.PersonId == pick.PersonId && x.MenuCourseId == pick.CourseId);
            if (pick.Attended && record is null)
            {
                var course = menu.Courses.First(c => c.Id == pick.CourseId);
                var made = StudyRecord.OfCourse(course, pick.PersonId, people[pick.PersonId].OrganizationId, user.Name, clock.UtcNow);
                db.StudyRecords.Add(made);
                linked.Add(made);
            }
            else if (!pick.Attended && record is not null)
            {
                db.StudyRecords.Remove(record);
                linked.Remove(record);
            }
        }
    }

    private async Task<CourseMenu> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var orgId = await db.CourseMenus.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "courseMenu", id, Permission.StudyWrite, ct);
        if (version is null)
        {
            throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
        }

        var menu = await db.CourseMenus.Include(m => m.Courses).Include(m => m.Picks).FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(menu, version.Value);
        return menu;
    }

    private async Task<CourseMenuView> SaveAsync(CourseMenu menu, CancellationToken ct)
    {
        // A course, a pick or attendance is a change of the menu: its Version moves, so a page read before it is refused.
        db.Entry(menu).Property(m => m.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(menu, ct);
    }
}
