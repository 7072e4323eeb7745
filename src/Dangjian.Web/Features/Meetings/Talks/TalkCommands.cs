using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings.Talks;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>
/// Recording, correcting and following up talks (MTG-11): Talks.Write on the talk's organization, the rules on
/// <see cref="Talk"/>, one audited save. The people a talk may name are the organization's (<see cref="TalkPeople"/>).
/// </summary>
public sealed class TalkCommands(DangjianDbContext db, ScopeService scopes, TalkPeople people, TalkQueries queries, CurrentUser user, OrgClock clock)
{
    public async Task<TalkView> RecordAsync(RecordTalkRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.TalksWrite, orgId, ct);
        var entry = Entry(r.HeldOn, r.InitiatorId, r.PartnerId, r.Kind, r.Topics, r.FollowUp);
        var today = clock.Today;
        var talk = Talk.Record(orgId, entry, user.Name, today, await people.IdsAsync(orgId, [today, entry.HeldOn], ct));
        db.Talks.Add(talk);
        db.AuditAction = "Talk.Recorded";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(talk.Id, ct);
    }

    /// <summary>Corrects a talk at the version read; a stale version is a 409 and changes nothing.</summary>
    public async Task<TalkView> EditAsync(int id, EditTalkRequest r, CancellationToken ct = default)
    {
        var talk = await LoadAsync(id, r.Version, ct);
        var entry = Entry(r.HeldOn, r.InitiatorId, r.PartnerId, r.Kind, r.Topics, r.FollowUp);
        var today = clock.Today;
        talk.Correct(entry, today, await people.IdsAsync(talk.OrganizationId, [today, entry.HeldOn], ct));
        db.AuditAction = "Talk.Corrected";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }

    /// <summary>Records the follow-up of a talk and, once done, its day.</summary>
    public async Task<TalkView> FollowUpAsync(int id, TalkFollowUpRequest r, CancellationToken ct = default)
    {
        var talk = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        errors.SaneDay("doneOn", "Field.Talk.FollowUpDoneOn", r.DoneOn);
        errors.ThrowIfAny();
        talk.RecordFollowUp(r.FollowUp, r.DoneOn, clock.Today);
        db.AuditAction = "Talk.FollowUp";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }

    private async Task<Talk> LoadAsync(int id, int version, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.TalksWrite, ct);
        var talk = await db.Talks.FirstAsync(t => t.Id == id, ct);
        db.ExpectVersion(talk, version);
        return talk;
    }

    /// <summary>The entry's parts every request must give, each missing one named; the rules on them are the entity's.</summary>
    private static TalkEntry Entry(DateOnly? heldOn, int? initiatorId, int? partnerId, TalkKind? kind, string? topics, string? followUp)
    {
        var errors = new FieldErrors();
        if (heldOn is null)
        {
            errors.Add("heldOn", "Input.Required", "Field.Talk.HeldOn");
        }
        else
        {
            errors.SaneDay("heldOn", "Field.Talk.HeldOn", heldOn);
        }

        if (initiatorId is null)
        {
            errors.Add("initiatorId", "Input.Required", "Field.Talk.Initiator");
        }

        if (partnerId is null)
        {
            errors.Add("partnerId", "Input.Required", "Field.Talk.Partner");
        }

        if (kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Talk.Kind");
        }

        errors.ThrowIfAny();
        return new TalkEntry(heldOn!.Value, initiatorId!.Value, partnerId!.Value, kind!.Value, topics, followUp);
    }
}
