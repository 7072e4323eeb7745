using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>
/// 提议上会事项 (MTG-4). A team member raises a matter and others co-sign, for themselves (Mine.Use: the person is the
/// account's own, and must sit on the organization's current team); whoever runs the organization's meetings
/// (Meetings.Run) puts it on a meeting's agenda or declines it. Rules are on <see cref="RaisedMatter"/>.
/// </summary>
public sealed class MatterCommands(
    DangjianDbContext db, ScopeService scopes, MeetingAccess access, MatterQueries queries, OrgClock clock, IOptions<DecisionRuleOptions> options)
{
    private readonly DecisionRules _rules = options.Value.ToRules();

    public async Task<MatterView> RaiseAsync(RaiseMatterRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        var personId = await scopes.CurrentPersonIdAsync(ct) ?? 0;
        if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Meeting.NotOnTeam"));
        }

        var team = await MatterTeams.CurrentAsync(db, orgId, clock.Today, ct);
        var matter = RaisedMatter.Raise(orgId, personId, r.Title, r.Reason, team, clock.Today, _rules);
        db.RaisedMatters.Add(matter);
        db.AuditAction = "RaisedMatter.Raised";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(matter.Id, ct);
    }

    /// <summary>联名: the signed-in person co-signs a matter of a team they sit on (anyone else: 403, nothing changes).</summary>
    public Task<MatterView> CoSignAsync(int id, MatterSignatureRequest r, CancellationToken ct = default) =>
        AsMemberAsync(id, r.Version, "RaisedMatter.CoSigned", (m, personId, team) => m.CoSign(personId, team, _rules), ct);

    /// <summary>Takes the signed-in person's signature back; a mandatory matter stays mandatory.</summary>
    public Task<MatterView> WithdrawSignatureAsync(int id, MatterSignatureRequest r, CancellationToken ct = default) =>
        AsMemberAsync(id, r.Version, "RaisedMatter.SignatureWithdrawn", (m, personId, _) => m.WithdrawSignature(personId), ct);

    /// <summary>Puts the matter on an open meeting of its organization: a new agenda item with the supporters and the mandatory mark.</summary>
    public async Task<MatterView> ScheduleAsync(int id, ScheduleMatterRequest r, CancellationToken ct = default)
    {
        var matter = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        if (r.MeetingId is null)
        {
            errors.Add("meetingId", "Input.Required", "Field.Matter.Meeting");
        }

        if (r.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add("category", "Input.Required", "Field.Item.Category");
        }

        errors.ThrowIfAny();
        var target = await access.DemandMeetingAsync(r.MeetingId!.Value, Permission.MeetingsRun, ct);
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Items).AsSplitQuery().FirstAsync(m => m.Id == target.MeetingId, ct);
        if (r.InChargePersonId is { } ic && !meeting.Participants.Any(p => p.PersonId == ic))
        {
            errors.Add("inChargePersonId", "Meeting.NotAParticipant");
        }

        if (r.Category == ItemCategory.Major && _rules.Major.InChargeMustBePresent && r.InChargePersonId is null)
        {
            errors.Add("inChargePersonId", "Meeting.MajorNeedsInCharge");
        }

        errors.ThrowIfAny();
        var item = matter.Schedule(meeting, r.Category!.Value, r.InChargePersonId);
        meeting.Items.Add(item);
        db.AuditAction = "RaisedMatter.Scheduled";
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            matter.LinkItem(item.Id);
            db.AuditAction = "RaisedMatter.Scheduled";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return await queries.GetAsync(matter.Id, ct);
    }

    /// <summary>Declines a matter that is not mandatory, with a reason (MTG-4: a mandatory one must go on the agenda).</summary>
    public async Task<MatterView> DeclineAsync(int id, DeclineMatterRequest r, CancellationToken ct = default)
    {
        var matter = await LoadAsync(id, r.Version, ct);
        matter.Decline(r.Reason);
        db.AuditAction = "RaisedMatter.Declined";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(matter.Id, ct);
    }

    private async Task<RaisedMatter> LoadAsync(int id, int version, CancellationToken ct)
    {
        var orgId = await db.RaisedMatters.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "matter", id, Permission.MeetingsRun, ct);
        var matter = await db.RaisedMatters.FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(matter, version);
        return matter;
    }

    private async Task<MatterView> AsMemberAsync(
        int id, int version, string action, Action<RaisedMatter, int, IReadOnlyCollection<int>> change, CancellationToken ct)
    {
        var matter = await db.RaisedMatters.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("matter", id);
        var personId = await scopes.CurrentPersonIdAsync(ct);
        var team = await MatterTeams.CurrentAsync(db, matter.OrganizationId, clock.Today, ct);
        if (personId is not { } me || !team.Contains(me))
        {
            // Not a member of this team: the matter is not theirs to sign, whoever they are.
            throw new ScopeRefusedException();
        }

        db.ExpectVersion(matter, version);
        change(matter, me, team);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(matter.Id, ct);
    }
}
