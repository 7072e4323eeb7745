using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>Meetings and their items (MTG-1 … MTG-10), inside the caller's scope.</summary>
public sealed class MeetingQueries(
    DangjianDbContext db, ScopeService scopes, MeetingAccess access, IWorkingDayCalendar calendars, BallotBoxService boxes, OrgClock clock,
    Microsoft.Extensions.Options.IOptions<DecisionRuleOptions> options)
{
    private readonly DecisionRules _rules = options.Value.ToRules();

    public async Task<Paged<MeetingRow>> ListAsync(
        int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var rows = await QueryAsync(organizationId, type, status, from, to, search, ct);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(window.Skip).Take(size).ToListAsync(ct);
        return new Paged<MeetingRow>(items, total, p, size);
    }

    public async Task<IReadOnlyList<MeetingRow>> AllAsync(
        int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, CancellationToken ct = default) =>
        await (await QueryAsync(organizationId, type, status, from, to, search, ct)).Take(10_000).ToListAsync(ct);

    private async Task<IQueryable<MeetingRow>> QueryAsync(
        int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, CancellationToken ct)
    {
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.MeetingsRead, orgId, ct);
        }

        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        var q = db.Meetings.AsNoTracking().Join(orgs, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Name, o.Path });
        if (organizationId is { } id)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstAsync(ct);
            q = q.Where(x => x.Path.StartsWith(path));
        }

        if (type is { } t)
        {
            q = q.Where(x => x.m.Type == t);
        }

        if (status is { } s)
        {
            q = q.Where(x => x.m.Status == s);
        }

        if (from is { } f)
        {
            q = q.Where(x => x.m.Date >= f);
        }

        if (to is { } e)
        {
            q = q.Where(x => x.m.Date <= e);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            q = q.Where(x => x.m.Title.Contains(term) || x.Name.Contains(term));
        }

        return q.OrderByDescending(x => x.m.Date).ThenByDescending(x => x.m.Id)
            .Select(x => new MeetingRow(
                x.m.Id, x.m.OrganizationId, x.Name, x.m.Type, x.m.Title, x.m.Date, x.m.Status, x.m.Emergency,
                db.AgendaItems.Count(i => i.MeetingId == x.m.Id),
                db.AgendaItems.Count(i => i.MeetingId == x.m.Id && i.Status == ItemStatus.AwaitingRuling)));
    }

    public async Task<MeetingDetail> GetAsync(int id, CancellationToken ct = default)
    {
        await access.DemandMeetingAsync(id, Permission.MeetingsRead, ct);
        var m = await db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(x => x.Participants)
            .Include(x => x.Items).ThenInclude(i => i.Speeches)
            .Include(x => x.Items).ThenInclude(i => i.Votes)
            .FirstAsync(x => x.Id == id, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == m.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var personIds = m.Participants.Select(p => p.PersonId)
            .Concat(m.Items.SelectMany(i => i.ProposerIds))
            .Concat(m.Items.Where(i => i.InChargePersonId is not null).Select(i => i.InChargePersonId!.Value))
            .Append(m.SecretaryPersonId ?? 0).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var positions = await PositionsAsync(m.OrganizationId, ct);
        var rulingOrgIds = m.Items.Where(i => i.RulingOrganizationId is not null).Select(i => i.RulingOrganizationId!.Value).ToList();
        var rulingOrgs = await db.Organizations.AsNoTracking().Where(o => rulingOrgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var required = await NoticeDaysAsync(m.OrganizationId, ct);
        NoticeCheck? notice = null;
        if (m.NoticeDate is { } nd)
        {
            var calendar = await calendars.CurrentAsync(ct);
            notice = calendar.Covers(nd) && calendar.Covers(m.Date) ? NoticeRule.Check(calendar, nd, m.Date, m.Emergency, required) : null;
        }

        var openBoxes = new HashSet<int>();
        foreach (var item in m.Items.Where(i => i.Status == ItemStatus.Voting))
        {
            if (await boxes.FindAsync(item.BoxKey, ct) is { IsOpen: true })
            {
                openBoxes.Add(item.Id);
            }
        }

        var itemIds = m.Items.Select(i => i.Id).ToList();
        var attachments = (await db.ItemAttachments.AsNoTracking().Where(a => itemIds.Contains(a.ItemId))
            .Select(a => new AttachmentView(a.Id, a.ItemId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy))
            .ToListAsync(ct)).OrderBy(a => a.Id).ToLookup(a => a.ItemId);
        string Name(int personId) => names.GetValueOrDefault(personId) ?? "#" + personId;
        var participants = m.Participants
            .OrderByDescending(p => p.Entitled).ThenBy(p => positions.TryGetValue(p.PersonId, out var r) ? (int)r : int.MaxValue).ThenBy(p => p.Id)
            .Select(p => new ParticipantView(p.PersonId, Name(p.PersonId), positions.TryGetValue(p.PersonId, out var pos) ? pos : null,
                p.Entitled, p.Attendance, p.Reason, p.ArrivedAtItem, p.LeftAfterItem))
            .ToList();
        var items = m.Items.OrderBy(i => i.Order).Select(i => ItemOf(m, i, _rules, Name, rulingOrgs, openBoxes.Contains(i.Id), [.. attachments[i.Id]])).ToList();
        return new MeetingDetail(
            m.Id, m.OrganizationId, orgName, m.Type, m.Title, m.Date, m.StartTime, m.Location, m.NoticeDate, m.NoticeText,
            notice?.WorkingDays, required, notice?.Ok, m.Emergency, m.EmergencyReason, m.SecretaryPersonId,
            m.SecretaryPersonId is { } sid ? Name(sid) : null, m.Status, participants, items,
            await access.MayRunAsync(m.OrganizationId, ct), m.Version);
    }

    private static ItemView ItemOf(Meeting m, AgendaItem i, DecisionRules rules, Func<int, string> name, Dictionary<int, string> rulingOrgs, bool boxOpen, IReadOnlyList<AttachmentView> attachments)
    {
        var decided = i.Outcome is not null;
        var facts = m.AttendanceAt(i);
        var entitled = decided ? i.EntitledCount ?? facts.Entitled : facts.Entitled;
        var present = decided ? i.PresentCount ?? facts.Present : facts.Present;
        var inChargePresent = decided ? i.InChargePresent : facts.InChargePresent;
        var problems = decided
            ? (i.QuorumProblems ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            : ItemDecision.QuorumProblems(i.Category, entitled, present, inChargePresent, rules).Select(DecisionCheckJson.Code).ToArray();
        var toSpeak = m.SecretaryPersonId is { } sec
            ? ItemDecision.StillToSpeakBeforeSecretary(m.PresentMembersAt(i), i.Speeches.Select(s => s.PersonId), sec).Select(name).ToList()
            : [];
        return new ItemView(
            i.Id, i.Order, i.Title, i.Category, i.InChargePersonId, i.InChargePersonId is { } ic ? name(ic) : null,
            i.ProposerIds, i.ProposerIds.Select(name).ToList(), i.Mandatory, i.Material, i.VoteMode, i.Status,
            entitled, present, inChargePresent, problems.Length == 0, problems,
            rules.QuorumFor(i.Category).Attendance.SmallestPart(entitled), toSpeak, i.SecretaryView,
            i.VotesFor, i.VotesAgainst, i.VotesAbstain, i.Outcome, i.Escalated, i.DecidedAt,
            i.RulingOutcome, i.RulingText, i.RulingOrganizationId is { } ro ? rulingOrgs.GetValueOrDefault(ro) : null, i.RuledBy, i.RuledAt,
            i.FinalOutcome, i.FollowUp,
            i.Speeches.OrderBy(s => s.Sequence).Select(s => new SpeechView(s.Sequence, s.PersonId, name(s.PersonId), s.PersonId == m.SecretaryPersonId, s.View, s.Summary)).ToList(),
            i.Votes.OrderBy(v => v.Id).Select(v => new VoteView(v.PersonId, name(v.PersonId), v.Choice)).ToList(),
            boxOpen, attachments, i.Version);
    }

    /// <summary>The organization's notice period in working days (MTG-2; default 2).</summary>
    public async Task<int> NoticeDaysAsync(int organizationId, CancellationToken ct) =>
        await db.MeetingSettings.AsNoTracking().Where(s => s.OrganizationId == organizationId).Select(s => (int?)s.NoticeWorkingDays).FirstOrDefaultAsync(ct)
        ?? NoticeRule.DefaultWorkingDays;

    public async Task<SettingsView> SettingsAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.MeetingsRead, organizationId, ct);
        var s = await db.MeetingSettings.AsNoTracking().FirstOrDefaultAsync(x => x.OrganizationId == organizationId, ct);
        return new SettingsView(organizationId, s?.NoticeWorkingDays ?? NoticeRule.DefaultWorkingDays, s?.Version ?? 0);
    }

    /// <summary>Who would be invited: the current team for a 党委会/支委会 (entitled), else the organization's members.</summary>
    public async Task<IReadOnlyList<InviteeSuggestion>> SuggestInviteesAsync(int organizationId, MeetingType type, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.MeetingsRead, organizationId, ct);
        var positions = await PositionsAsync(organizationId, ct);
        if (type is MeetingType.CommitteeMeeting or MeetingType.DemocraticLifeMeeting or MeetingType.CentralGroupStudy)
        {
            var ids = positions.Keys.ToList();
            var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            return positions.OrderBy(p => (int)p.Value).ThenBy(p => p.Key)
                .Select(p => new InviteeSuggestion(p.Key, names.GetValueOrDefault(p.Key) ?? "#" + p.Key, p.Value, true, p.Value == TeamRole.Secretary))
                .ToList();
        }

        // 预备党员 attend without a vote (党章第七条: 预备党员没有表决权、选举权和被选举权).
        var members = await db.People.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && !p.IsRemoved && p.Status != MemberStatus.Resident)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Status }).Take(2000).ToListAsync(ct);
        return members.Select(p => new InviteeSuggestion(p.Id, p.Name, positions.TryGetValue(p.Id, out var pos) ? pos : null,
            p.Status == MemberStatus.Full, positions.TryGetValue(p.Id, out var r) && r == TeamRole.Secretary)).ToList();
    }

    /// <summary>
    /// The roll a meeting's 应到会人数 is checked against (<see cref="ExpectedAttendance"/>): the full members, who have
    /// a vote (党章第七条), on the rolls of the organization and the organizations under it.
    /// </summary>
    public async Task<int> VotingRollAsync(int organizationId, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        return await db.People.AsNoTracking()
            .Where(p => !p.IsRemoved && p.Status == MemberStatus.Full && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)))
            .CountAsync(ct);
    }

    /// <summary>Items escalated to an organization the caller may rule for (MTG-7): the superior of the meeting's organization.</summary>
    public async Task<IReadOnlyList<EscalationRow>> EscalationsAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRule, ct);
        var rows = await db.AgendaItems.AsNoTracking().Where(i => i.Status == ItemStatus.AwaitingRuling)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m })
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.i, x.m, o.Name, o.ParentId })
            .Where(x => x.ParentId != null && orgs.Any(s => s.Id == x.ParentId))
            .OrderBy(x => x.m.Date).ThenBy(x => x.i.Id)
            .Select(x => new EscalationRow(x.i.Id, x.m.Id, x.m.Title, x.m.Date, x.m.OrganizationId, x.Name, x.i.Title, x.i.Category, x.i.Outcome,
                x.i.SecretaryView, x.i.VotesFor, x.i.VotesAgainst, x.i.VotesAbstain, x.i.EntitledCount, x.i.Version))
            .Take(1000).ToListAsync(ct);
        return rows;
    }

    /// <summary>
    /// What the anonymous secret-ballot page shows (no sign-in): the item and meeting titles, and whether the vote is
    /// open. Only for secret items, and nothing else of the meeting.
    /// </summary>
    public async Task<SecretBallotInfo?> SecretBallotAsync(int itemId, CancellationToken ct = default) =>
        await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId && i.VoteMode == VoteMode.Secret && i.Status != ItemStatus.Pending && i.Status != ItemStatus.Withdrawn)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m })
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new SecretBallotInfo(x.i.Id, x.i.Title, x.m.Title, o.Name, x.i.Status == ItemStatus.Voting))
            .FirstOrDefaultAsync(ct);

    /// <summary>Team positions held today (ORG-2) of the organization's team in office (<see cref="TermRules.InOffice"/>), else its latest, by person.</summary>
    internal async Task<Dictionary<int, TeamRole>> PositionsAsync(int organizationId, CancellationToken ct)
    {
        var today = clock.Today;
        var teams = db.LeadershipTeams.AsNoTracking().Include(t => t.Positions).Where(t => t.OrganizationId == organizationId);
        var team = await teams.InOffice(db.LeadershipTeams, today).FirstOrDefaultAsync(ct)
            ?? await teams.OrderByDescending(t => t.StartsOn).FirstOrDefaultAsync(ct);
        return (team?.Positions ?? []).Where(p => p.IsHeldOn(today)).GroupBy(p => p.PersonId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.Role));
    }
}
