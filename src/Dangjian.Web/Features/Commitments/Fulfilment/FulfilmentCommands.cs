using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>
/// 履 (CMT-5): progress records (履诺记实) by Commitments.Run on the item's organization, and 履诺监督员's comments by
/// Commitments.Supervise — written by a supervisor serving today on the item's organization or one above it, found from the
/// person the account is linked to, or entered by a clerk (Commitments.Run on the supervisor's organization) from paper.
/// </summary>
public sealed class FulfilmentCommands(DangjianDbContext db, FulfilmentAccess access, ScopeService scopes, OrgClock clock, CurrentUser user, TimeProvider time)
{
    public async Task RecordProgressAsync(int commitmentId, RecordProgressRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (item, _) = await access.DemandItemAsync(commitmentId, Permission.CommitmentsRun, true, ct);
        var errors = new FieldErrors();
        if (r.Date is null)
        {
            errors.Add("date", "Input.Required", "Field.Commitment.ProgressDate");
        }

        // Each file cited must be one uploaded to this item: another item's evidence would prove nothing here.
        var cited = (r.EvidenceFileIds ?? []).Distinct().ToList();
        if (cited.Count is > 0 and <= FulfilmentRecord.MaxEvidenceFiles
            && await db.CommitmentEvidenceFiles.AsNoTracking().CountAsync(f => f.CommitmentId == commitmentId && cited.Contains(f.Id), ct) != cited.Count)
        {
            errors.Add("evidenceFileIds", "Commitment.UnknownEvidence");
        }

        errors.ThrowIfAny();
        item.RecordProgress(
            new FulfilmentRecord
            {
                Date = r.Date!.Value, Steps = r.Steps ?? string.Empty, ResponsibleUnit = r.ResponsibleUnit, ResponsiblePerson = r.ResponsiblePerson ?? string.Empty,
                Result = r.Result, EvidenceFileIds = [.. r.EvidenceFileIds ?? []],
            },
            user.Name, clock.Today, time.GetUtcNow());
        // Appended rows are audited as created; the event names the step on the item.
        db.AddAuditEvent("Commitment.ProgressRecorded", nameof(Commitment), EvidenceFiles.Key(commitmentId), new { r.Date, Evidence = r.EvidenceFileIds });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddSupervisorCommentAsync(int commitmentId, SupervisorCommentRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (item, path) = await access.DemandItemAsync(commitmentId, Permission.CommitmentsSupervise, true, ct);
        var supervisor = await SupervisorForAsync(path, r.SupervisorId, ct);
        item.AddSupervisorComment(new SupervisorComment { SupervisorId = supervisor.Id, SupervisorName = supervisor.Name, Text = r.Text ?? string.Empty, Lagging = r.Lagging }, time.GetUtcNow());
        db.AddAuditEvent("Commitment.SupervisorCommented", nameof(Commitment), EvidenceFiles.Key(commitmentId), new { Supervisor = supervisor.Id, r.Lagging });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The supervisor who comments on an item at <paramref name="itemPath"/> today: the one named (a paper comment, entered by
    /// Commitments.Run on their organization), or the caller's own assignment; refused naming supervisorId unless serving
    /// today over the item's organization (<see cref="CommitmentSupervisor.MayCommentOn"/>).
    /// </summary>
    private async Task<CommitmentSupervisor> SupervisorForAsync(string itemPath, int? supervisorId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var personId = supervisorId is null ? await scopes.CurrentPersonIdAsync(ct) : null;
        var candidates = await db.CommitmentSupervisors.AsNoTracking()
            .Where(s => supervisorId != null ? s.Id == supervisorId : personId != null && s.PersonId == personId)
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { Supervisor = s, o.Path })
            .ToListAsync(ct);
        if (supervisorId is not null && !candidates.Any(c => scope.Allows(Permission.CommitmentsRun, c.Path)))
        {
            throw new InputValidationException(new FieldErrors().Add("supervisorId", "Commitment.UnknownSupervisor"));
        }

        return candidates.FirstOrDefault(c => c.Supervisor.MayCommentOn(c.Path, itemPath, clock.Today))?.Supervisor
            ?? throw new DomainRuleException("Commitment.NotServingSupervisor", "supervisorId");
    }
}

/// <summary>履诺监督员 assigned and ended (CMT-5) by Commitments.Run on their organization.</summary>
public sealed class SupervisorCommands(DangjianDbContext db, ScopeService scopes, CommitmentInputs inputs)
{
    public async Task<int> RegisterAsync(RegisterSupervisorRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        var scope = await scopes.DemandAsync(Permission.CommitmentsRun, orgId, ct);
        var name = r.Name;
        if (r.PersonId is { } personId)
        {
            // A supervisor on the roll is one the caller may read: the link finds their account when they comment.
            if (await inputs.PersonAsync(personId, ct) is not { } person || !scope.Allows(Permission.CommitmentsRead, person.Path))
            {
                throw new InputValidationException(new FieldErrors().Add("personId", "Input.UnknownPerson"));
            }

            name = string.IsNullOrWhiteSpace(name) ? person.Name : name;
        }

        var supervisor = CommitmentSupervisor.Assign(orgId, r.PersonId, name, r.Kind, r.AssignedOn);
        db.CommitmentSupervisors.Add(supervisor);
        await db.SaveChangesAsync(ct);
        return supervisor.Id;
    }

    public async Task EndAsync(int supervisorId, EndSupervisorRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var supervisor = await db.CommitmentSupervisors.FirstOrDefaultAsync(s => s.Id == supervisorId, ct);
        await scopes.DemandRecordAsync(supervisor?.OrganizationId, "supervisor", supervisorId, Permission.CommitmentsRun, ct);
        if (r.EndedOn is not { } endedOn)
        {
            throw new InputValidationException(new FieldErrors().Add("endedOn", "Input.Required", "Field.Commitment.EndedOn"));
        }

        db.ExpectVersion(supervisor!, r.Version);
        supervisor!.End(endedOn);
        db.AuditAction = "CommitmentSupervisor.Ended";
        await db.SaveChangesAsync(ct);
    }
}
