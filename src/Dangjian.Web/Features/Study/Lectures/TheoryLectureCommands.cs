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
/// 理论课 (STU-7) changed: a cadre's lecture planned for the unit whose team they sit in, and marked given; the rules are
/// <see cref="TheoryLecture"/>'s. Study.Write on the unit's organization. A lecture given becomes the cadre's study record
/// (<see cref="StudyRecord.OfLecture"/>), so it counts for credits and the requirements like any other.
/// </summary>
public sealed class TheoryLectureCommands(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, TheoryLectureQueries queries, CurrentUser user, OrgClock clock)
{
    public async Task<TheoryLectureView> PlanAsync(PlanTheoryLectureRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.StudyWrite, orgId, ct);
        if (r.PersonId is null)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Study.Cadre"));
        }

        var cadres = await leaders.OfAsync(orgId, clock.Today, ct);
        if (r.PersonId is not { } personId || !cadres.Any(c => c.PersonId == personId))
        {
            throw new DomainRuleException("Study.NotALeaderOf", "personId");
        }

        if (r.PlannedOn is null)
        {
            throw new InputValidationException(new FieldErrors().Add("plannedOn", "Input.Required", "Field.Study.LecturePlannedOn"));
        }

        var lecture = TheoryLecture.Plan(personId, orgId, r.Topic ?? string.Empty, r.PlannedOn.Value);
        db.TheoryLectures.Add(lecture);
        db.AuditAction = "TheoryLecture.Planned";
        await db.SaveChangesAsync(ct);
        return (await queries.ViewsAsync([lecture], ct))[0];
    }

    public async Task<TheoryLectureView> MarkGivenAsync(int id, MarkLectureGivenRequest r, CancellationToken ct = default)
    {
        var orgId = await db.TheoryLectures.AsNoTracking().Where(l => l.Id == id).Select(l => (int?)l.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "theoryLecture", id, Permission.StudyWrite, ct);
        var errors = new FieldErrors();
        if (r.Version is null)
        {
            errors.Add("version", "Input.Required", "Field.Version");
        }

        if (r.GivenOn is null)
        {
            errors.Add("givenOn", "Input.Required", "Field.Study.LectureGivenOn");
        }

        if (r.Hours is null)
        {
            errors.Add("hours", "Input.Required", "Field.Study.Hours");
        }

        errors.ThrowIfAny();
        var lecture = await db.TheoryLectures.FirstAsync(l => l.Id == id, ct);
        db.ExpectVersion(lecture, r.Version!.Value);
        lecture.MarkGiven(r.GivenOn!.Value, r.Hours, clock.Today);

        // The record is kept in the cadre's own organization (where their other records are), not in the unit that heard it.
        var personOrg = await db.People.AsNoTracking().Where(p => p.Id == lecture.PersonId).Select(p => p.OrganizationId).FirstAsync(ct);
        db.StudyRecords.Add(StudyRecord.OfLecture(lecture, personOrg, user.Name, clock.UtcNow));
        db.AuditAction = "TheoryLecture.Given";
        await db.SaveChangesAsync(ct);
        return (await queries.ViewsAsync([lecture], ct))[0];
    }
}
