using Dangjian.Data;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Mine;

/// <summary>
/// The signed-in person's own page. Everything is found from the person the account is linked to
/// (<see cref="ScopeService.CurrentPersonIdAsync"/>), never from an id the caller sends, so nothing of anyone else's can
/// be asked for; an account linked to no person gets <see cref="MyPageView.Empty"/>.
/// </summary>
public sealed class MineQueries(DangjianDbContext db, ScopeService scopes, PeopleQueries people, RectificationOwners owners, OrgClock clock)
{
    /// <summary>How many meetings already held (or called off) follow the upcoming ones: the latest.</summary>
    public const int PastMeetings = 20;

    public DateOnly Today => clock.Today;

    /// <summary>The whole page in one go, as /me shows it.</summary>
    public async Task<MyPageView> GetAsync(CancellationToken ct = default)
    {
        if (await PersonIdAsync(ct) is not { } personId)
        {
            return MyPageView.Empty;
        }

        var today = Today;
        return new MyPageView(
            await people.GetAsync(personId, ct),
            await MeetingsAsync(personId, today, ct),
            await owners.OfAsync(personId, today, ct),
            await FollowUpsAsync(personId, ct));
    }

    /// <summary>Their record and positions, as the roster shows it to them; no person for an account linked to none.</summary>
    public async Task<MyRecord> RecordAsync(CancellationToken ct = default) =>
        new(await PersonIdAsync(ct) is { } personId ? await people.GetAsync(personId, ct) : null);

    public async Task<IReadOnlyList<MyMeetingView>> MeetingsAsync(CancellationToken ct = default) =>
        await PersonIdAsync(ct) is { } personId ? await MeetingsAsync(personId, Today, ct) : [];

    public async Task<IReadOnlyList<OwnRectificationView>> RectificationsAsync(CancellationToken ct = default) =>
        await PersonIdAsync(ct) is { } personId ? await owners.OfAsync(personId, Today, ct) : [];

    public async Task<IReadOnlyList<MyFollowUpView>> FollowUpsAsync(CancellationToken ct = default) =>
        await PersonIdAsync(ct) is { } personId ? await FollowUpsAsync(personId, ct) : [];

    /// <summary>The person the account is linked to, unless there is none or they have left the roll.</summary>
    private async Task<int?> PersonIdAsync(CancellationToken ct) =>
        await scopes.CurrentPersonIdAsync(ct) is { } personId && await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && !p.IsRemoved, ct)
            ? personId
            : null;

    /// <summary>Upcoming meetings first, soonest first; then the latest others, newest first.</summary>
    private async Task<IReadOnlyList<MyMeetingView>> MeetingsAsync(int personId, DateOnly today, CancellationToken ct)
    {
        // Upcoming or not: the one rule of a meeting to attend (Meeting.ToAttend), which the reminders use too.
        var invited = db.MeetingParticipants.AsNoTracking().Where(p => p.PersonId == personId);
        var upcoming = invited.Join(db.Meetings.Where(Meeting.ToAttend(today)), p => p.MeetingId, m => m.Id, (p, m) => new { p, m })
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.p, x.m, o.Name });
        var others = invited.Join(db.Meetings.Where(Meeting.NotToAttend(today)), p => p.MeetingId, m => m.Id, (p, m) => new { p, m })
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.p, x.m, o.Name });
        var ahead = await upcoming.OrderBy(x => x.m.Date).ThenBy(x => x.m.StartTime).ThenBy(x => x.m.Id)
            .Select(x => new MyMeetingView(x.m.Id, x.m.OrganizationId, x.Name, x.m.Type, x.m.Title, x.m.Date, x.m.StartTime, x.m.Location, x.m.Status,
                x.m.Emergency, x.p.Entitled, x.p.Attendance, true))
            .ToListAsync(ct);
        var past = await others
            .OrderByDescending(x => x.m.Date).ThenByDescending(x => x.m.StartTime).ThenByDescending(x => x.m.Id).Take(PastMeetings)
            .Select(x => new MyMeetingView(x.m.Id, x.m.OrganizationId, x.Name, x.m.Type, x.m.Title, x.m.Date, x.m.StartTime, x.m.Location, x.m.Status,
                x.m.Emergency, x.p.Entitled, x.p.Attendance, false))
            .ToListAsync(ct);
        return [.. ahead, .. past];
    }

    /// <summary>
    /// Follow-ups of the person's own grades, only once the campaign's results are public (EVA-8): before 公示 a grade is
    /// read by those who run the campaign alone (<see cref="ResultsVisibility"/>). Open ones first.
    /// </summary>
    private async Task<IReadOnlyList<MyFollowUpView>> FollowUpsAsync(int personId, CancellationToken ct)
    {
        var rows = await db.EvaluationFollowUps.AsNoTracking()
            .Join(db.EvaluationSubjects.Where(s => s.PersonId == personId), f => f.SubjectId, s => s.Id, (f, s) => f)
            .Join(db.EvaluationCampaigns, f => f.CampaignId, c => c.Id, (f, c) => new { f, c.Title, c.Year, c.Status })
            .GroupJoin(db.EvaluationResults, x => x.f.SubjectId, r => r.SubjectId, (x, r) => new { x, r })
            .SelectMany(y => y.r.DefaultIfEmpty(), (y, r) => new { y.x, Grade = r == null ? string.Empty : r.Grade })
            .ToListAsync(ct);
        return [.. rows.Where(y => ResultsVisibility.IsPublic(y.x.Status))
            .OrderBy(y => y.x.f.Status).ThenByDescending(y => y.x.Year).ThenByDescending(y => y.x.f.Id)
            .Select(y => new MyFollowUpView(y.x.f.Id, y.x.f.CampaignId, y.x.Title, y.x.Year, y.Grade, y.x.f.Measure, y.x.f.Deadline, y.x.f.Status, y.x.f.Outcome))];
    }
}
