using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Exams;

/// <summary>
/// Recording an exam a person took (STU-3): after Study.Write on the person's organization, the state machine on the
/// entity (<see cref="StudyExamHistory.Record"/>: a make-up only when one is due or the person is suspended), one
/// audited save. A person's first exam opens their history.
/// </summary>
public sealed class StudyExamCommands(DangjianDbContext db, ScopeService scopes, CurrentUser user, OrgClock clock, StudyRules rules, StudyExamQueries queries)
{
    public async Task<StudyExamHistoryView> RecordAsync(RecordStudyExamRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.PersonId is not { } personId)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Person"));
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => new { p.Name, p.OrganizationId, p.Status }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", personId, Permission.StudyWrite, ct);
        if (!person!.Status.IsMember())
        {
            // Seed 000 (一, 三 成绩考核) examines Party members and cadres; a resident on the roster takes none.
            throw new DomainRuleException("Input.Invalid", "personId", "Field.Person");
        }

        var errors = new FieldErrors();
        if (r.Date is null)
        {
            errors.Add("date", "Input.Required", "Field.Study.ExamDate");
        }

        if (r.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Study.ExamKind");
        }

        if (r.Score is null)
        {
            errors.Add("score", "Input.Required", "Field.Study.Score");
        }

        errors.ThrowIfAny();
        var history = await db.StudyExamHistories.Include(h => h.Exams.OrderBy(e => e.Id)).FirstOrDefaultAsync(h => h.PersonId == personId, ct);
        if (history is null)
        {
            history = new StudyExamHistory { PersonId = personId, OrganizationId = person.OrganizationId };
            db.StudyExamHistories.Add(history);
        }
        else
        {
            db.ExpectVersion(history, r.Version ?? history.Version);
        }

        history.Record(r.Date!.Value, r.Kind!.Value, r.Score!.Value, rules.Exams, user.Name, clock.UtcNow, clock.Today);
        db.AuditAction = "StudyExamHistory.Recorded";
        await db.SaveChangesAsync(ct);
        return queries.View(history, personId, person.Name, person.OrganizationId, mayWrite: true);
    }
}
