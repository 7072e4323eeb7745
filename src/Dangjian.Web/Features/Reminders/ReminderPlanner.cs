using System.Globalization;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Reminders;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Commitments.Fulfilment;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Delegates.Proposals;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// One planning pass: asks each module's own reminder list, within the caller's scope (the caller's account, or the
/// account <see cref="ReminderOptions.PlanAs"/> for the background pass), and writes one outbox message per person,
/// item and chosen channel, all in one save. A module the caller does not read is skipped. A message whose key,
/// channel and recipient are already in the outbox is not written again; if another pass wrote it meanwhile, the
/// unique index refuses the save, and the pass reloads what is there and saves the rest.
/// <list type="bullet">
/// <item>党费 (Dues): <see cref="DuesQueries.RemindersAsync"/>, the members with months unpaid in the last six.</item>
/// <item>承诺 (Commitments): <see cref="FulfilmentQueries.RemindersAsync"/> of each campaign being fulfilled, to the responsible person.</item>
/// <item>提案 (Delegates): <see cref="ProposalQueries.SupervisionAsync"/>, proposals to answer within the reminder days, to the handling unit's staff.</item>
/// <item>会议 (Meetings): the meetings a person is invited to in the next days (<see cref="Meeting.ToAttend"/>, the rule of their page /me).</item>
/// <item>学习 (Study): <see cref="StudyComplianceQueries.AllAsync"/>'s shortfalls today, one message per person and year.</item>
/// <item>整改 (DLM rectification): open measures due within <see cref="DemocraticLifeRectification.ReminderDays"/> days or past, to the
/// owner <see cref="RectificationOwners"/> finds, as their page /me shows them.</item>
/// </list>
/// </summary>
public sealed class ReminderPlanner(
    DangjianDbContext db, ScopeService scopes, OrgClock clock, DuesQueries dues, FulfilmentQueries fulfilment, ProposalQueries proposals,
    StudyComplianceQueries study, RectificationOwners rectificationOwners,
    IStringLocalizer<ReminderText> text, IStringLocalizer<StudyComplianceText> studyText, IOptions<ReminderOptions> options, ILogger<ReminderPlanner> log)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Plans the subtree of <paramref name="organizationId"/> (Accounts.Manage there) or, when none is named, the caller's whole scope.</summary>
    public async Task<PlanResult> PlanAsync(int? organizationId, CancellationToken ct = default)
    {
        List<(int Id, string Path)> roots;
        if (organizationId is { } id)
        {
            await scopes.DemandAsync(Permission.AccountsManage, id, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstAsync(ct);
            roots = [(id, path)];
        }
        else
        {
            await scopes.DemandHeldAsync(Permission.AccountsManage, ct);
            var grants = (await scopes.GetAsync(ct)).Grants.Where(g => PermissionMatrix.Allows(g.Role, Permission.AccountsManage)).ToList();
            roots = [.. grants.Where(g => !grants.Any(o => o.Path != g.Path && g.Path.StartsWith(o.Path, StringComparison.Ordinal)))
                .Select(g => (g.OrganizationId, g.Path)).Distinct()];
        }

        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Chinese; // messages are written in the district's language
        try
        {
            var candidates = new List<Candidate>();
            foreach (var root in roots)
            {
                candidates.AddRange(await Module(() => DuesAsync(root.Id, ct)));
                candidates.AddRange(await Module(() => CommitmentsAsync(root.Path, ct)));
                candidates.AddRange(await Module(() => ProposalsAsync(root.Id, ct)));
                candidates.AddRange(await Module(() => MeetingsAsync(root.Path, ct)));
                candidates.AddRange(await Module(() => StudyAsync(root.Id, ct)));
                candidates.AddRange(await Module(() => RectificationsAsync(root.Path, ct)));
            }

            return await EnqueueAsync(candidates.DistinctBy(c => (c.Key, c.PersonId)).ToList(), ct);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }
    }

    /// <summary>A module the caller does not read in the subtree is skipped, not an error of the pass.</summary>
    private static async Task<IReadOnlyList<Candidate>> Module(Func<Task<IReadOnlyList<Candidate>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is ScopeRefusedException or NotFoundException)
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<Candidate>> DuesAsync(int rootId, CancellationToken ct)
    {
        var list = await dues.RemindersAsync(rootId, null, null, ct);
        return [.. list.Groups.SelectMany(g => g.Items.Select(i => new Candidate(
            $"dues:{list.To}:person:{i.PersonId}", i.PersonId, text["Msg.Dues.Subject"],
            text["Msg.Dues.Body", list.To, i.UnpaidMonths.Count, Punctuation.JoinList(i.UnpaidMonths), i.Arrears.ToString("0.00", CultureInfo.InvariantCulture)])))];
    }

    private async Task<IReadOnlyList<Candidate>> CommitmentsAsync(string rootPath, CancellationToken ct)
    {
        var campaigns = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Status == CommitmentCampaignStatus.Fulfilling)
            .Join(ScopeQuery.Within(db.Organizations.AsNoTracking(), [rootPath]), c => c.OrganizationId, o => o.Id, (c, o) => c.Id).ToListAsync(ct);
        var result = new List<Candidate>();
        foreach (var campaignId in campaigns)
        {
            var list = await fulfilment.RemindersAsync(campaignId, null, ct);
            result.AddRange(list.Groups.Where(g => g.ResponsiblePersonId is not null).SelectMany(g => g.Items.Select(i => new Candidate(
                $"commitment:{i.Id}:{DateText.Format(i.DueDate)}:{(i.Overdue ? "overdue" : "due")}", g.ResponsiblePersonId!.Value,
                text["Msg.Commitment.Subject"],
                text[i.Overdue ? "Msg.Commitment.Overdue" : "Msg.Commitment.Due", Brief(i.Content), i.OrganizationName, DateText.Format(i.DueDate)]))));
        }

        return result;
    }

    private async Task<IReadOnlyList<Candidate>> ProposalsAsync(int rootId, CancellationToken ct)
    {
        var rows = await proposals.SupervisionAsync(null, rootId, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var handling = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id) && p.HandlingOrganizationId != null)
            .Select(p => new { p.Id, Org = p.HandlingOrganizationId!.Value }).ToDictionaryAsync(p => p.Id, p => p.Org, ct);
        var answerers = AccountRoleAnswering();
        var orgIds = handling.Values.Distinct().ToList();
        var staff = await db.RoleAssignments.AsNoTracking().Where(r => orgIds.Contains(r.OrganizationId) && answerers.Contains(r.Role))
            .Join(db.Users.Where(u => u.PersonId != null), r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, PersonId = u.PersonId!.Value })
            .Distinct().ToListAsync(ct);
        return [.. rows.Where(r => r.Deadline is not null && handling.ContainsKey(r.Id)).SelectMany(r => staff.Where(s => s.OrganizationId == handling[r.Id]).Select(s => new Candidate(
            $"proposal:{r.Id}:{DateText.Format(r.Deadline!.Value)}:{(r.Overdue ? "overdue" : "due")}", s.PersonId, text["Msg.Proposal.Subject"],
            text[r.Overdue ? "Msg.Proposal.Overdue" : "Msg.Proposal.Due", Brief(r.Title), DateText.Format(r.Deadline!.Value)])))];
    }

    private static List<AccountRole> AccountRoleAnswering() =>
        [.. Enum.GetValues<AccountRole>().Where(r => PermissionMatrix.Allows(r, Permission.DelegatesAnswer))];

    /// <summary>
    /// Meetings to attend: those the person is invited to from today to <see cref="ReminderOptions.MeetingDaysAhead"/>
    /// days ahead that are neither closed nor called off — the upcoming part of their list on /me — of the subtree's
    /// organizations, read under Meetings.Read. The key carries the day, so a postponed meeting is reminded again.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> MeetingsAsync(string rootPath, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.Allows(Permission.MeetingsRead, rootPath))
        {
            return [];
        }

        var today = clock.Today;
        var last = today.AddDays(options.Value.MeetingDaysAhead);
        var rows = await db.MeetingParticipants.AsNoTracking()
            .Join(db.Meetings.Where(Meeting.ToAttend(today, last)),
                p => p.MeetingId, m => m.Id, (p, m) => new { p.PersonId, m })
            .Join(ScopeQuery.Within(db.Organizations.AsNoTracking(), [rootPath]), x => x.m.OrganizationId, o => o.Id,
                (x, o) => new { x.PersonId, x.m.Id, x.m.Title, x.m.Date, x.m.StartTime, x.m.Location, x.m.Type, OrganizationName = o.Name })
            .ToListAsync(ct);
        var noLocation = text["Msg.NoLocation"].Value;
        return [.. rows.Select(r =>
        {
            var when = DateText.Format(r.Date) + (r.StartTime is { } t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty);
            var where = string.IsNullOrWhiteSpace(r.Location) ? noLocation : r.Location;
            return new Candidate($"meeting:{r.Id}:{DateText.Format(r.Date)}", r.PersonId, text["Msg.Meeting.Subject"],
                text["Msg.Meeting.Body", r.OrganizationName, Brief(r.Title), when, where]);
        })];
    }

    /// <summary>
    /// Study shortfalls: the people of the subtree the study module's own compliance query (read under Study.Read) finds
    /// short today (<see cref="StudyStanding.IsShortfall"/>: a requirement behind pace, or a make-up exam due or 停职学习),
    /// once per person and year; the body says, for each requirement behind pace, what is done and what is required.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> StudyAsync(int rootId, CancellationToken ct)
    {
        var (_, asOf, rows) = await study.AllAsync(rootId, null, shortfallsOnly: true, ct);
        return [.. rows.Select(r => new Candidate(
            $"study:{asOf.Year}:person:{r.PersonId}", r.PersonId, text["Msg.Study.Subject"],
            text["Msg.Study.Body", DateText.Format(asOf), string.Join("；", StudyLines(r))]))];
    }

    private IEnumerable<string> StudyLines(StudyComplianceRow row)
    {
        foreach (var r in row.Requirements.Where(r => r.Progress == StudyProgress.BehindPace))
        {
            var unit = studyText[$"Unit.{r.Unit}"].Value;
            yield return text["Msg.Study.Requirement", studyText[$"Kind.{r.Kind}"].Value, Number(r.Done), unit,
                text[$"Msg.Study.Per.{r.Per}"].Value, Number(r.Min)];
        }

        if (row.Exam == ExamState.MakeUpDue)
        {
            yield return row.MakeUpDue is { } due ? text["Msg.Study.MakeUpBy", DateText.Format(due)] : text["Msg.Study.MakeUp"];
        }
        else if (row.Exam == ExamState.Suspended)
        {
            yield return text["Msg.Study.Suspended"];
        }
    }

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Rectification deadlines: the open measures of the subtree's democratic life meetings (read under Meetings.Read)
    /// due within <see cref="DemocraticLifeRectification.ReminderDays"/> days or overdue (<see cref="DemocraticLifeRectification.ToRemind"/>),
    /// each to the person its 责任人 names (<see cref="RectificationOwners.OwnersOfAsync"/>; none for an office or a shared
    /// name). The key carries the deadline and whether it is overdue, so a measure is reminded once before its deadline,
    /// once after, and again if the deadline moves.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> RectificationsAsync(string rootPath, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.Allows(Permission.MeetingsRead, rootPath))
        {
            return [];
        }

        var today = clock.Today;
        var rows = await db.DemocraticLifeRectifications.AsNoTracking().Where(DemocraticLifeRectification.ToRemind(today))
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => new { r, p.MeetingId })
            .Join(db.DemocraticLifeMeetings, x => x.MeetingId, m => m.Id, (x, m) => new { x.r, m.OrganizationId, m.Year })
            .Join(ScopeQuery.Within(db.Organizations.AsNoTracking(), [rootPath]), x => x.OrganizationId, o => o.Id,
                (x, o) => new { x.r.Id, x.r.Measure, x.r.Owner, x.r.Deadline, x.OrganizationId, x.Year, OrganizationName = o.Name })
            .ToListAsync(ct);
        var owners = await rectificationOwners.OwnersOfAsync([.. rows.Select(r => (r.Id, r.OrganizationId, r.Owner))], ct);
        return [.. rows.Where(r => owners.ContainsKey(r.Id)).Select(r =>
        {
            var overdue = r.Deadline < today;
            return new Candidate(
                $"rectification:{r.Id}:{DateText.Format(r.Deadline)}:{(overdue ? "overdue" : "due")}:person:{owners[r.Id]}", owners[r.Id],
                text["Msg.Rectification.Subject"],
                text[overdue ? "Msg.Rectification.Overdue" : "Msg.Rectification.Due", Brief(r.Measure), r.OrganizationName, r.Year, DateText.Format(r.Deadline)]);
        })];
    }

    private static string Brief(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>
    /// Writes the candidates the recipients want on the channels they chose that this installation can send on
    /// (<see cref="ReminderOptions.ConfiguredChannels"/>), skipping those already in the outbox.
    /// </summary>
    private async Task<PlanResult> EnqueueAsync(List<Candidate> candidates, CancellationToken ct)
    {
        var personIds = candidates.Select(c => c.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id) && !p.IsRemoved)
            .Select(p => new { p.Id, p.OrganizationId }).ToDictionaryAsync(p => p.Id, p => p.OrganizationId, ct);
        var preferences = await db.ReminderPreferences.AsNoTracking().Where(p => personIds.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        var now = clock.UtcNow;
        var configured = options.Value.ConfiguredChannels();
        var wanted = candidates.Where(c => people.ContainsKey(c.PersonId))
            .SelectMany(c => (preferences.GetValueOrDefault(c.PersonId) ?? ReminderPreference.Default(c.PersonId)).ChannelsAmong(configured)
                .Select(ch => (c, ch)))
            .ToList();
        for (var attempt = 1; ; attempt++)
        {
            var keys = wanted.Select(w => w.c.Key).Distinct().ToList();
            var existing = new HashSet<(string, ReminderChannel, int)>();
            foreach (var chunk in keys.Chunk(500))
            {
                var found = await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.Key))
                    .Select(m => new { m.Key, m.Channel, m.RecipientPersonId }).ToListAsync(ct);
                existing.UnionWith(found.Select(f => (f.Key, f.Channel, f.RecipientPersonId)));
            }

            var fresh = wanted.Where(w => !existing.Contains((w.c.Key, w.ch, w.c.PersonId))).ToList();
            foreach (var (c, ch) in fresh)
            {
                db.OutboxMessages.Add(OutboxMessage.Enqueue(c.Key, ch, c.PersonId, people[c.PersonId], c.Subject, c.Body, now));
            }

            db.AuditAction = "OutboxMessage.Planned";
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("Reminders planned: {Enqueued} new, {Skipped} already in the outbox", fresh.Count, wanted.Count - fresh.Count);
                return new PlanResult(fresh.Count, wanted.Count - fresh.Count);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another pass enqueued some of the same messages first (the unique index): read again, write the rest.
                db.ChangeTracker.Clear();
            }
        }
    }

    private sealed record Candidate(string Key, int PersonId, string Subject, string Body);
}
