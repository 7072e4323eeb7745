using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>
/// Every read and change of a meeting starts here: the meeting must exist and the caller must reach its organization
/// (Meetings.Read to read, the action's permission to change). A meeting that does not exist and one outside the scope look alike.
/// </summary>
public sealed class MeetingAccess(DangjianDbContext db, ScopeService scopes)
{
    public sealed record Target(int MeetingId, int OrganizationId, MeetingStatus Status);

    public async Task<Target> DemandMeetingAsync(int meetingId, Permission permission, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId)
            .Select(x => new Target(x.Id, x.OrganizationId, x.Status)).FirstOrDefaultAsync(ct);
        return await CheckAsync(m, "meeting", meetingId, permission, ct);
    }

    public async Task<Target> DemandItemAsync(int itemId, Permission permission, CancellationToken ct)
    {
        var m = await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId)
            .Join(db.Meetings, i => i.MeetingId, x => x.Id, (i, x) => new Target(x.Id, x.OrganizationId, x.Status))
            .FirstOrDefaultAsync(ct);
        return await CheckAsync(m, "agenda item", itemId, permission, ct);
    }

    /// <summary>Changes to attendance, the agenda and votes need a meeting that is neither closed nor cancelled.</summary>
    public static void DemandOpen(Target t, string field = "id") => Meeting.DemandOpen(t.Status, field);

    /// <summary>Whether the caller may run the organization's meetings (pages show the actions only then).</summary>
    public Task<bool> MayRunAsync(int organizationId, CancellationToken ct) => scopes.MayAsync(Permission.MeetingsRun, organizationId, ct);

    private async Task<Target> CheckAsync(Target? t, string what, int id, Permission permission, CancellationToken ct)
    {
        await scopes.DemandRecordAsync(t?.OrganizationId, what, id, permission, ct);
        return t!;
    }
}
