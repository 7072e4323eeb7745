using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ConsultationEntity = Dangjian.Domain.Meetings.Consultation;

namespace Dangjian.Web.Features.Meetings.Consultation;

/// <summary>
/// 重大决策征求意见 (MTG-12) on a major agenda item: opening the public comment period, the hearing record, expert opinions
/// and moderating comments, by whoever runs the organization's meetings (Meetings.Run). Rules are on the entity.
/// </summary>
public sealed class ConsultationCommands(DangjianDbContext db, MeetingAccess access, ConsultationQueries queries, IWorkingDayCalendar calendar, OrgClock clock)
{
    public static ConsultationRules Rules { get; } = ConsultationRules.Default;

    public async Task<ConsultationView> OpenAsync(OpenConsultationRequest r, CancellationToken ct = default)
    {
        if (r.ItemId is not { } itemId)
        {
            throw new InputValidationException(new FieldErrors().Add("itemId", "Input.Required", "Field.Consultation.Item"));
        }

        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target, "itemId");
        var errors = new FieldErrors();
        if (r.OpensOn is null)
        {
            errors.Add("opensOn", "Input.Required", "Field.Consultation.OpensOn");
        }

        if (r.WorkingDays is null)
        {
            errors.Add("workingDays", "Input.Required", "Field.Consultation.WorkingDays");
        }

        if (await db.Consultations.AnyAsync(c => c.AgendaItemId == itemId, ct))
        {
            errors.Add("itemId", "Consultation.AlreadyOpen");
        }

        errors.ThrowIfAny();
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
        var consultation = ConsultationEntity.Open(item, target.OrganizationId, r.Subject, r.OpensOn!.Value, r.WorkingDays!.Value, clock.Today, await calendar.CurrentAsync(ct), Rules);
        db.Consultations.Add(consultation);
        db.AuditAction = "Consultation.Opened";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(consultation.Id, ct);
    }

    public Task<ConsultationView> RecordHearingAsync(int id, HearingRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "Consultation.HearingRecorded", c => c.RecordHearing(r.HearingOn, r.Participants, r.Summary, clock.Today), ct);

    public Task<ConsultationView> AddExpertOpinionAsync(int id, ExpertOpinionRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "Consultation.ExpertOpinionAdded", c => c.AddExpertOpinion(r.ExpertName, r.Field, r.Opinion), ct);

    /// <summary>Publishes or hides one comment (kept either way).</summary>
    public Task<ConsultationView> ModerateAsync(int id, int commentId, ModerateCommentRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "Consultation.CommentModerated", c =>
        {
            if (r.Status is not { } status || !Enum.IsDefined(status))
            {
                throw new InputValidationException(new FieldErrors().Add("status", "Input.Required", "Field.Consultation.CommentStatus"));
            }

            var comment = c.Comments.FirstOrDefault(x => x.Id == commentId) ?? throw new NotFoundException("comment", commentId);
            comment.Moderate(status);
        }, ct);

    private async Task<ConsultationView> ChangeAsync(int id, int version, string action, Action<ConsultationEntity> change, CancellationToken ct)
    {
        var itemId = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.AgendaItemId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("consultation", id);
        await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        var consultation = await db.Consultations.Include(c => c.Comments).Include(c => c.ExpertOpinions).AsSplitQuery().FirstAsync(c => c.Id == id, ct);
        db.ExpectVersion(consultation, version);
        change(consultation);
        db.Entry(consultation).State = EntityState.Modified; // a child row changes the consultation: its version moves
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }
}
