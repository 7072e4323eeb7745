using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>
/// Entering a study record (by the clerk for a person in scope, or by the person for themself on /me), entering a
/// returned one again, and the clerk's approval or return (STU-1): each loads, calls the rule on <see cref="StudyRecord"/>,
/// and saves with its audit entry.
/// </summary>
public sealed class StudyRecordCommands(DangjianDbContext db, ScopeService scopes, StudyRecordQueries queries, StudyCredits credits, CurrentUser user, OrgClock clock)
{
    /// <summary>The clerk enters a record for a person of an organization where they hold Study.Write: approved by that entry.</summary>
    public async Task<StudyRecordView> EnterAsync(EnterStudyRecordRequest r, CancellationToken ct = default)
    {
        var orgId = await PersonAsync(r.PersonId, ct);
        var record = StudyRecord.Enter(r.PersonId!.Value, orgId, Content(r.ToInput()), byClerk: true, credits, user.Name, clock.UtcNow, clock.Today);
        db.StudyRecords.Add(record);
        db.AuditAction = "StudyRecord.Recorded";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(record, ct);
    }

    /// <summary>The signed-in person enters a record of their own; a kind the rule data marks so waits for the clerk.</summary>
    public async Task<StudyRecordView> EnterMineAsync(StudyRecordInput r, CancellationToken ct = default)
    {
        var (personId, orgId) = await MeAsync(ct);
        var record = StudyRecord.Enter(personId, orgId, Content(r), byClerk: false, credits, user.Name, clock.UtcNow, clock.Today);
        db.StudyRecords.Add(record);
        db.AuditAction = "StudyRecord.Recorded";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(record, ct);
    }

    /// <summary>The person enters their own waiting or returned record again, changed; it waits for the clerk again as the rule says.</summary>
    public async Task<StudyRecordView> EditMineAsync(int id, StudyRecordInput r, CancellationToken ct = default)
    {
        var (personId, _) = await MeAsync(ct);
        var record = await db.StudyRecords.FirstOrDefaultAsync(x => x.Id == id && x.PersonId == personId, ct)
            ?? throw new NotFoundException("studyRecord", id);
        db.ExpectVersion(record, r.Version ?? record.Version);
        record.Edit(Content(r), byClerk: false, credits, user.Name, clock.UtcNow, clock.Today);
        db.AuditAction = "StudyRecord.Submitted";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(record, ct);
    }

    /// <summary>The clerk approves a waiting record of their scope: it counts from now on.</summary>
    public async Task<StudyRecordView> ApproveAsync(int id, ApproveStudyRecordRequest r, CancellationToken ct = default)
    {
        var record = await LoadAsync(id, r.Version, ct);
        record.Approve(user.Name, clock.UtcNow);
        db.AuditAction = "StudyRecord.Approved";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(record, ct);
    }

    /// <summary>The clerk returns a waiting record to the person with the reason.</summary>
    public async Task<StudyRecordView> ReturnAsync(int id, ReturnStudyRecordRequest r, CancellationToken ct = default)
    {
        var record = await LoadAsync(id, r.Version, ct);
        record.Return(r.Reason ?? string.Empty, user.Name, clock.UtcNow);
        db.AuditAction = "StudyRecord.Returned";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(record, ct);
    }

    /// <summary>The person's organization, after Study.Write there; a person not on the roster is refused like one out of scope.</summary>
    public async Task<int> PersonAsync(int? personId, CancellationToken ct)
    {
        if (personId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Person"));
        }

        var orgId = await db.People.AsNoTracking().Where(p => p.Id == id && !p.IsRemoved).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "person", id, Permission.StudyWrite, ct);
        return orgId!.Value;
    }

    /// <summary>The content as the rule takes it; the kind is the one field the rule cannot check by itself.</summary>
    public static StudyRecordContent Content(StudyRecordInput r)
    {
        if (r.Kind is not { } kind)
        {
            throw new InputValidationException(new FieldErrors().Add("kind", "Input.Required", "Field.Study.Kind"));
        }

        return new StudyRecordContent(kind, r.Date, r.Hours, r.From, r.To, r.Topic, r.Notes, r.Content);
    }

    /// <summary>The account's own person and their organization; an account linked to no one may enter nothing.</summary>
    private async Task<(int PersonId, int OrganizationId)> MeAsync(CancellationToken ct)
    {
        var personId = await scopes.CurrentPersonIdAsync(ct);
        var orgId = personId is null ? null
            : await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        return orgId is { } org ? (personId!.Value, org) : throw new ScopeRefusedException();
    }

    private async Task<StudyRecord> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var record = await db.StudyRecords.FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(record?.OrganizationId, "studyRecord", id, Permission.StudyWrite, ct);
        db.ExpectVersion(record!, version ?? record!.Version);
        return record!;
    }
}
