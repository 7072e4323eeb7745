using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>Reading minutes (MTG-8): a meeting's revisions, the printable document and an organization's register.</summary>
public sealed class MinutesQueries(DangjianDbContext db, ScopeService scopes, Proceedings.MeetingQueries meetings, MinutesDraft drafts)
{
    /// <summary>All revisions of the meeting's minutes, newest first.</summary>
    public async Task<IReadOnlyList<MinutesView>> RevisionsAsync(int meetingId, CancellationToken ct = default)
    {
        await DemandMeetingAsync(db, scopes, meetingId, Permission.MeetingsRead, ct);
        return await RevisionsOfAsync(meetingId, ct);
    }

    public async Task<MinutesOverview> OverviewAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await DemandMeetingAsync(db, scopes, meetingId, Permission.MeetingsRead, ct);
        var scope = await scopes.GetAsync(ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == meeting.OrganizationId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        return new MinutesOverview(
            meeting.Id, meeting.Title, meeting.Type, meeting.Status, meeting.Date, meeting.OrganizationId, org.Name,
            scope.Allows(Permission.MinutesWrite, org.Path), scope.Allows(Permission.MinutesSign, org.Path), await RevisionsOfAsync(meetingId, ct));
    }

    /// <summary>The document to print: the given revision, else the one in force, else the draft.</summary>
    public async Task<MinutesDocument> DocumentAsync(int meetingId, int? revision = null, CancellationToken ct = default)
    {
        await DemandMeetingAsync(db, scopes, meetingId, Permission.MeetingsRead, ct);
        var revisions = await RevisionsOfAsync(meetingId, ct);
        var minutes = revision is { } r
            ? revisions.FirstOrDefault(x => x.Revision == r)
            : revisions.FirstOrDefault(x => x.Status == MinutesStatus.SignedOff) ?? (revisions.Count > 0 ? revisions[0] : null);
        if (minutes is null)
        {
            throw new NotFoundException("minutes", meetingId);
        }

        return await RecordAsync(meetingId, minutes, ct);
    }

    /// <summary>
    /// A first draft written from what the meeting recorded (attendance, items, discussion, votes, decisions), for the
    /// clerk to edit rather than to start from an empty box.
    /// </summary>
    public async Task<string> DraftAsync(int meetingId, CancellationToken ct = default)
    {
        await DemandMeetingAsync(db, scopes, meetingId, Permission.MeetingsRead, ct);
        return drafts.Compose(await RecordAsync(meetingId, null, ct));
    }

    private async Task<MinutesDocument> RecordAsync(int meetingId, MinutesView? minutes, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).Include(m => m.Items).ThenInclude(i => i.Speeches)
            .AsSplitQuery().FirstAsync(m => m.Id == meetingId, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == meeting.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var signer = minutes?.SignedBy is { } account
            ? await db.Users.AsNoTracking().Where(u => u.UserName == account).Select(u => new { u.PersonId, u.DisplayName }).FirstOrDefaultAsync(ct)
            : null;
        var personIds = meeting.Participants.Select(p => p.PersonId).Concat(meeting.Items.SelectMany(i => i.Speeches).Select(s => s.PersonId))
            .Append(meeting.SecretaryPersonId ?? 0).Append(signer?.PersonId ?? 0).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string NameOf(int id) => names.TryGetValue(id, out var n) ? n : string.Empty;

        // The signer by name and post (职务 in the organization's team), never the account's login name.
        MinutesSigner? signedBy = null;
        if (signer is not null)
        {
            var positions = await meetings.PositionsAsync(meeting.OrganizationId, ct);
            signedBy = signer.PersonId is { } pid && names.ContainsKey(pid)
                ? new MinutesSigner(NameOf(pid), positions.TryGetValue(pid, out var post) ? post : null)
                : new MinutesSigner(signer.DisplayName.Length > 0 ? signer.DisplayName : minutes!.SignedBy!, null);
        }

        var participants = meeting.Participants.OrderBy(p => p.Id).ToList();
        return new MinutesDocument(
            orgName,
            meeting.Title,
            meeting.Type,
            meeting.Date,
            meeting.StartTime,
            meeting.Location,
            meeting.SecretaryPersonId is { } s ? NameOf(s) : null,
            meeting.Emergency,
            [.. participants.Where(p => p.Entitled && p.Attendance == Attendance.Present).Select(p => NameOf(p.PersonId))],
            [.. participants.Where(p => p.Entitled && p.Attendance == Attendance.Absent).Select(p => new AbsentPerson(NameOf(p.PersonId), p.Reason))],
            [.. participants.Where(p => !p.Entitled && p.Attendance == Attendance.Present).Select(p => NameOf(p.PersonId))],
            [.. meeting.Items.Where(i => i.Status != ItemStatus.Withdrawn).OrderBy(i => i.Order)
                .Select(i => new DocumentItem(i.Order, i.Title, i.Category, i.Status, i.FinalOutcome, i.VotesFor, i.VotesAgainst, i.VotesAbstain,
                    [.. i.Speeches.OrderBy(x => x.Sequence).Select(x => new DocumentSpeech(NameOf(x.PersonId), x.View, x.Summary))],
                    i.RulingText, i.FollowUp))],
            minutes,
            signedBy);
    }

    /// <summary>An organization's numbered minutes of a year (纪要登记簿): per number the revision in force.</summary>
    public async Task<MinutesRegister> RegisterAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (organizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Organization");
        }

        if (year is null)
        {
            errors.Add("year", "Input.Required", "Field.Year");
        }
        else if (year is < 1949 or > 9999)
        {
            errors.Add("year", "Input.OutOfRange", "Field.Year", 1949, 9999);
        }

        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.MeetingsRead, organizationId!.Value, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(ct);
        var rows = await db.MeetingMinutes.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Year == year && m.Status == MinutesStatus.SignedOff && m.Number != null)
            .Join(db.Meetings, m => m.MeetingId, x => x.Id, (m, x) => new { m, x.Title, x.Type, x.Date })
            .Select(r => new { r.m.MeetingId, Number = r.m.Number!.Value, r.m.Revision, r.Title, r.Type, r.Date, r.m.SignedBy, r.m.SignedAt })
            .ToListAsync(ct);
        return new MinutesRegister(organizationId.Value, orgName, year!.Value, [.. rows.OrderBy(r => r.Number).Select(r =>
            new RegisterRow(r.MeetingId, r.Number, MinutesNumber.Format(year.Value, r.Number), r.Revision, r.Title, r.Type, r.Date, r.SignedBy, r.SignedAt))]);
    }

    /// <summary>
    /// The numbered minutes of a year across the caller's own scope (their organization and those under it), each with
    /// its organization: what the register shows before an organization is chosen, rather than an empty page.
    /// </summary>
    public async Task<IReadOnlyList<RegisterRow>> ScopeRegisterAsync(int year, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        var rows = await db.MeetingMinutes.AsNoTracking()
            .Where(m => m.Year == year && m.Status == MinutesStatus.SignedOff && m.Number != null)
            .Join(orgs, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Name, o.Path })
            .Join(db.Meetings, x => x.m.MeetingId, x => x.Id, (x, mt) => new { x.m, x.Name, x.Path, mt.Title, mt.Type, mt.Date })
            .OrderBy(r => r.Path).ThenBy(r => r.m.Number).Take(1000)
            .Select(r => new { r.m.MeetingId, Number = r.m.Number!.Value, r.m.Revision, r.Title, r.Type, r.Date, r.m.SignedBy, r.m.SignedAt, r.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new RegisterRow(r.MeetingId, r.Number, MinutesNumber.Format(year, r.Number), r.Revision, r.Title, r.Type, r.Date, r.SignedBy, r.SignedAt, r.Name))];
    }

    /// <summary>The organizations the caller may read, for choosing whose register to show.</summary>
    public async Task<IReadOnlyList<OrganizationRef>> OrganizationsAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        return await orgs.Where(o => o.Status == OrganizationStatus.Active).OrderBy(o => o.Path)
            .Select(o => new OrganizationRef(o.Id, o.Code, o.Name, o.Kind)).ToListAsync(ct);
    }

    /// <summary>The meeting after the scope check on its organization; 404 for an unknown id (403 for a caller without any scope).</summary>
    internal static async Task<MeetingFacts> DemandMeetingAsync(DangjianDbContext db, ScopeService scopes, int meetingId, Permission permission, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId)
            .Select(x => new MeetingFacts(x.Id, x.OrganizationId, x.Title, x.Type, x.Status, x.Date)).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(m?.OrganizationId, "meeting", meetingId, permission, ct);
        return m!;
    }

    private async Task<IReadOnlyList<MinutesView>> RevisionsOfAsync(int meetingId, CancellationToken ct) =>
        await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Revision)
            .Select(m => new MinutesView(m.Id, m.MeetingId, m.Revision, m.Status, m.Year, m.Number,
                m.Number == null ? null : MinutesNumber.Format(m.Year, m.Number.Value), m.Text, m.SignedBy, m.SignedAt, m.CorrectionReason, m.Version))
            .ToListAsync(ct);
}

internal sealed record MeetingFacts(int Id, int OrganizationId, string Title, MeetingType Type, MeetingStatus Status, DateOnly Date);
