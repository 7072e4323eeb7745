using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>Calling, editing, holding and closing meetings (MTG-1, MTG-2) and recording attendance (MTG-3).</summary>
public sealed class MeetingCommands(
    DangjianDbContext db, ScopeService scopes, MeetingAccess access, MeetingQueries queries, IWorkingDayCalendar calendars, TimeProvider time,
    OrgClock clock, IStringLocalizer<RuleText> rules)
{
    public const int MaxNoticeWorkingDays = 30;

    public async Task<int> CreateAsync(CreateMeetingRequest r, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(errors.Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.MeetingsRun, orgId, ct);
        if (r.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", "Input.Required", "Field.Meeting.Type");
        }

        var title = errors.Text("title", "Field.Meeting.Title", r.Title, Meeting.MaxTitleLength);
        var meeting = Meeting.Call(orgId, r.Type ?? MeetingType.CommitteeMeeting, title, time.GetUtcNow());
        await ApplyAsync(meeting, errors, title, r.Date, r.StartTime, r.Location, r.NoticeDate, r.NoticeText, r.Emergency, r.EmergencyReason, ct);

        var invitees = r.Participants is { Count: > 0 } given
            ? given
            : (await queries.SuggestInviteesAsync(orgId, meeting.Type, ct)).Select(s => new ParticipantInput(s.PersonId, s.Entitled)).ToList();
        if (invitees.GroupBy(p => p.PersonId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add("participants", "Meeting.ParticipantTwice", twice.Key);
        }

        var ids = invitees.Select(p => p.PersonId).Distinct().ToList();
        var unknown = ids.Except(await ReachablePeopleAsync(ids, ct)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("participants", "Meeting.UnknownPerson", unknown[0]);
        }

        var secretary = r.SecretaryPersonId;
        if (secretary is null && r.Participants is null)
        {
            secretary = (await queries.SuggestInviteesAsync(orgId, meeting.Type, ct)).FirstOrDefault(s => s.IsSecretary)?.PersonId;
        }

        if (secretary is { } sid && !invitees.Any(p => p.PersonId == sid && p.Entitled))
        {
            errors.Add("secretaryPersonId", "Meeting.SecretaryNotInvited");
        }

        errors.AddAll(ExpectedAttendance.Check(invitees.Where(p => p.Entitled).Select(p => p.PersonId).Distinct().Count(), await queries.VotingRollAsync(orgId, ct)));
        errors.ThrowIfAny();
        meeting.SecretaryPersonId = secretary;
        meeting.Participants.AddRange(invitees.Select(p => new MeetingParticipant { PersonId = p.PersonId, Entitled = p.Entitled }));
        db.Meetings.Add(meeting);
        db.AuditAction = "Meeting.Created";
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task UpdateAsync(int id, UpdateMeetingRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(meeting, r.Version);
        var errors = new FieldErrors();
        var title = errors.Text("title", "Field.Meeting.Title", r.Title, Meeting.MaxTitleLength);
        await ApplyAsync(meeting, errors, title, r.Date, r.StartTime, r.Location, r.NoticeDate, r.NoticeText, r.Emergency, r.EmergencyReason, ct);
        if (r.SecretaryPersonId is { } sid && !meeting.Participants.Any(p => p.PersonId == sid && p.Entitled))
        {
            errors.Add("secretaryPersonId", "Meeting.SecretaryNotInvited");
        }

        errors.ThrowIfAny();
        meeting.SecretaryPersonId = r.SecretaryPersonId;
        db.AuditAction = "Meeting.Updated";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>MTG-2: the notice must reach invitees the organization's period in working days before, else the meeting is an emergency with a reason.</summary>
    private async Task ApplyAsync(
        Meeting meeting, FieldErrors errors, string title, DateOnly? date, TimeOnly? start, string? location, DateOnly? noticeDate, string? noticeText,
        bool emergency, string? emergencyReason, CancellationToken ct)
    {
        meeting.Title = title;
        meeting.StartTime = start;
        meeting.Location = NullIfEmpty(errors.Text("location", "Field.Meeting.Location", location, Meeting.MaxTitleLength, required: false));
        meeting.NoticeText = NullIfEmpty(errors.Text("noticeText", "Field.Meeting.NoticeText", noticeText, Meeting.MaxTextLength, required: false));
        meeting.Emergency = emergency;
        meeting.EmergencyReason = emergency
            ? errors.Text("emergencyReason", "Field.Meeting.EmergencyReason", emergencyReason, Meeting.MaxTextLength)
            : null;
        if (date is not { } day)
        {
            errors.Add("date", "Input.Required", "Field.Meeting.Date");
            return;
        }

        meeting.Date = day;
        var notice = noticeDate ?? clock.Today;
        meeting.NoticeDate = notice;
        if (notice > day)
        {
            errors.Add("noticeDate", "Meeting.NoticeAfterMeeting");
            return;
        }

        var calendar = await calendars.CurrentAsync(ct);
        foreach (var (field, d) in new[] { ("noticeDate", notice), ("date", day) })
        {
            if (!calendar.Covers(d))
            {
                errors.Add(field, "Calendar.YearMissing", d.Year);
                return;
            }
        }

        var required = await queries.NoticeDaysAsync(meeting.OrganizationId, ct);
        var check = NoticeRule.Check(calendar, notice, day, emergency, required);
        if (!check.Ok)
        {
            errors.Add("noticeDate", "Meeting.NoticeTooShort", required, check.WorkingDays);
        }
    }

    public async Task CancelAsync(int id, int version, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Items).FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(meeting, version);
        meeting.Cancel();
        db.AuditAction = "Meeting.Cancelled";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends the meeting: attendance and the agenda are fixed; undecided items stay undecided, a secret vote still open is refused.</summary>
    public async Task CloseAsync(int id, int version, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Items).FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(meeting, version);
        meeting.Close();
        db.AuditAction = "Meeting.Closed";
        await db.SaveChangesAsync(ct);
    }

    public async Task AddParticipantAsync(int id, AddParticipantRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        if (r.PersonId is not { } personId || (await ReachablePeopleAsync([personId], ct)).Count == 0)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Meeting.Person"));
        }

        if (await db.MeetingParticipants.AnyAsync(p => p.MeetingId == id && p.PersonId == personId, ct))
        {
            throw new DomainRuleException("Meeting.ParticipantTwice", "personId", personId);
        }

        if (r.Entitled)
        {
            var entitled = await db.MeetingParticipants.CountAsync(p => p.MeetingId == id && p.Entitled, ct) + 1;
            DomainRuleException.ThrowIfAny(ExpectedAttendance.Check(entitled, await queries.VotingRollAsync(target.OrganizationId, ct), "personId"));
        }

        db.MeetingParticipants.Add(new MeetingParticipant { MeetingId = id, PersonId = personId, Entitled = r.Entitled });
        db.AuditAction = "Meeting.ParticipantAdded";
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveParticipantAsync(int id, int personId, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Items).ThenInclude(i => i.Speeches)
            .Include(m => m.Items).ThenInclude(i => i.Votes).AsSplitQuery().FirstAsync(m => m.Id == id, ct);
        var p = meeting.Participants.FirstOrDefault(x => x.PersonId == personId) ?? throw new NotFoundException("participant", personId);
        if (meeting.SecretaryPersonId == personId
            || meeting.Items.Any(i => i.InChargePersonId == personId || i.Speeches.Any(s => s.PersonId == personId) || i.Votes.Any(v => v.PersonId == personId)))
        {
            throw new DomainRuleException("Meeting.ParticipantInUse", "personId");
        }

        db.MeetingParticipants.Remove(p);
        db.AuditAction = "Meeting.ParticipantRemoved";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Attendance of one invitee (MTG-3): present (possibly arriving at a later item or leaving after an earlier one)
    /// or absent with a reason. Items already decided keep the attendance they were decided on.
    /// </summary>
    public async Task RecordAttendanceAsync(int id, int personId, AttendanceRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Items).AsSplitQuery().FirstAsync(m => m.Id == id, ct);
        var p = meeting.Participants.FirstOrDefault(x => x.PersonId == personId) ?? throw new NotFoundException("participant", personId);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "Field.Meeting.Reason", r.Reason, MeetingParticipant.MaxReasonLength, required: false);
        errors.ThrowIfAny();
        meeting.RecordAttendance(p, r.Attendance, reason, r.ArrivedAtItem, r.LeftAfterItem);
        db.AuditAction = "Meeting.AttendanceRecorded";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The attendance of many invitees in one save (MTG-3, as <see cref="RecordAttendanceAsync"/> for each): every row is
    /// checked first and each bad one named by its row ("第 3 行（姓名）：…", field rows[2].reason); nothing is recorded
    /// unless all rows are good, and a sheet read before someone else changed the meeting is refused as a conflict.
    /// </summary>
    public async Task RecordAttendanceSheetAsync(int id, AttendanceSheetRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(id, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Items).AsSplitQuery().FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(meeting, r.Version);
        var errors = new FieldErrors();
        if (r.Rows is not { Count: > 0 } rows)
        {
            throw new InputValidationException(errors.Add("rows", "Input.Required", "Field.Meeting.Attendance"));
        }

        var ids = rows.Select(x => x.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var accepted = new List<(MeetingParticipant Participant, AttendanceRow Row, string Reason)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = names.GetValueOrDefault(row.PersonId) ?? "#" + row.PersonId;
            void Refuse(string field, string code, params object[] arguments) =>
                errors.Add($"rows[{i}].{field}", "Meeting.Row", i + 1, name, FieldErrors.Localize(rules, code, arguments));

            var participant = meeting.Participants.FirstOrDefault(p => p.PersonId == row.PersonId);
            if (participant is null)
            {
                Refuse("personId", "Meeting.NotAParticipant");
                continue;
            }

            if (ids.Take(i).Contains(row.PersonId))
            {
                Refuse("personId", "Meeting.ParticipantTwice", row.PersonId);
                continue;
            }

            var rowErrors = new FieldErrors();
            var reason = rowErrors.Text("reason", "Field.Meeting.Reason", row.Reason, MeetingParticipant.MaxReasonLength, required: false);
            rowErrors.AddAll(meeting.AttendanceProblems(row.Attendance, reason, row.ArrivedAtItem, row.LeftAfterItem));
            foreach (var e in rowErrors.Items)
            {
                Refuse(e.Field, e.Code, e.Arguments);
            }

            if (!rowErrors.Any)
            {
                accepted.Add((participant, row, reason));
            }
        }

        errors.ThrowIfAny();
        foreach (var (participant, row, reason) in accepted)
        {
            meeting.RecordAttendance(participant, row.Attendance, reason, row.ArrivedAtItem, row.LeftAfterItem);
        }

        // The sheet is one change of the meeting: its Version moves, so a sheet read before this one is refused.
        db.Entry(meeting).Property(m => m.Version).IsModified = true;
        db.AuditAction = "Meeting.AttendanceRecorded";
        await db.SaveChangesAsync(ct);
    }

    public async Task UpdateSettingsAsync(int organizationId, SettingsRequest r, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.MeetingsRun, organizationId, ct);
        if (r.NoticeWorkingDays is not { } days || days < 0 || days > MaxNoticeWorkingDays)
        {
            throw new InputValidationException(new FieldErrors().Add("noticeWorkingDays", "Input.OutOfRange", "Field.Meeting.NoticeWorkingDays", 0, MaxNoticeWorkingDays));
        }

        var s = await db.MeetingSettings.FirstOrDefaultAsync(x => x.OrganizationId == organizationId, ct);
        if (s is null)
        {
            if (r.Version != 0)
            {
                throw new DbUpdateConcurrencyException();
            }

            db.MeetingSettings.Add(new MeetingSettings { OrganizationId = organizationId, NoticeWorkingDays = days });
        }
        else
        {
            db.ExpectVersion(s, r.Version);
            s.NoticeWorkingDays = days;
        }

        db.AuditAction = "MeetingSettings.Updated";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Of the given people, those on the rolls the caller may read: a meeting never shows a name from outside the scope.</summary>
    private async Task<List<int>> ReachablePeopleAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.PeopleRead, ct);
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRemoved)
            .Join(orgs, p => p.OrganizationId, o => o.Id, (p, o) => p.Id).ToListAsync(ct);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
