using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Proposals;

/// <summary>
/// The steps of a proposal (DEL-2), each one entity call on <see cref="Proposal"/>, audited and saved: filing by a serving
/// delegate of the term (Mine.Use) or by staff on a delegate's behalf (Delegates.Manage); registering, assigning and closing
/// (Delegates.Manage on the term's organization); answering (Delegates.Answer on the handling organization); rating by a
/// proposer (Mine.Use, found from the person the account is linked to).
/// </summary>
public sealed class ProposalCommands(
    DangjianDbContext db, ScopeService scopes, ProposalQueries queries, CurrentUser user, OrgClock clock, IWorkingDayCalendar calendar, ProposalRules rules)
{
    /// <summary>Staff file a proposal on behalf of its lead delegate.</summary>
    public async Task<ProposalView> FileAsync(FileProposalRequest r, CancellationToken ct = default)
    {
        var term = await TermAsync(r.TermId, Permission.DelegatesManage, ct);
        return await FileAsync(term, r.LeadPersonId ?? 0, r.CoSignerPersonIds, r.Title, r.Content, ct);
    }

    /// <summary>The signed-in person files a proposal they lead: they must be a serving delegate of the term (else a 400 on <c>leadPersonId</c>).</summary>
    public async Task<ProposalView> FileMineAsync(FileMyProposalRequest r, CancellationToken ct = default)
    {
        var personId = await scopes.CurrentPersonIdAsync(ct) ?? 0;
        if (r.TermId is not { } termId)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Proposal.Term"));
        }

        var term = await db.CongressTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == termId, ct) ?? throw new NotFoundException("congressTerm", termId);
        return await FileAsync(term, personId, r.CoSignerPersonIds, r.Title, r.Content, ct);
    }

    public Task<ProposalView> RegisterAsync(int id, ProposalStepRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Permission.DelegatesManage, "Proposal.Registered", p => p.Register(clock.Today), ct);

    public Task<ProposalView> DeclineAsync(int id, DeclineProposalRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Permission.DelegatesManage, "Proposal.NotRegistered", p => p.DeclineRegistration(r.Reason ?? string.Empty, clock.Today), ct);

    /// <summary>交办 to an organization of the term's subtree, due the given number of working days later (the rule's default when not given).</summary>
    public async Task<ProposalView> AssignAsync(int id, AssignProposalRequest r, CancellationToken ct = default)
    {
        var proposal = await LoadAsync(id, r.Version, Permission.DelegatesManage, ct);
        var errors = new FieldErrors();
        var days = r.WorkingDays ?? rules.HandlingWorkingDays;
        if (days is < 1 or > ProposalRules.MaxWorkingDays)
        {
            errors.Add("workingDays", "Proposal.WorkingDays", ProposalRules.MaxWorkingDays);
        }

        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == proposal.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        if (r.HandlingOrganizationId is not { } handling)
        {
            errors.Add("handlingOrganizationId", "Input.Required", "Field.Proposal.HandlingOrganization");
        }
        else if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == handling && o.Path.StartsWith(root), ct))
        {
            errors.Add("handlingOrganizationId", "Delegates.OutsideTheTerm", "Field.Proposal.HandlingOrganization");
        }

        errors.ThrowIfAny();
        var today = clock.Today;
        proposal.Assign(r.HandlingOrganizationId!.Value, ProposalRules.Deadline(await calendar.CurrentAsync(ct), today, days), today);
        db.AuditAction = "Proposal.Assigned";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(proposal, null, ct);
    }

    /// <summary>答复 by the handling unit: Delegates.Answer on the organization the proposal is assigned to.</summary>
    public async Task<ProposalView> AnswerAsync(int id, AnswerProposalRequest r, CancellationToken ct = default)
    {
        var keys = await db.Proposals.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.HandlingOrganizationId, x.OrganizationId }).FirstOrDefaultAsync(ct);
        if (keys is { HandlingOrganizationId: null })
        {
            // Not assigned yet: nobody answers it; the term's staff see why, others see nothing.
            await scopes.DemandAsync(Permission.DelegatesManage, keys.OrganizationId, ct);
        }

        await scopes.DemandRecordAsync(keys?.HandlingOrganizationId ?? keys?.OrganizationId, "proposal", id, Permission.DelegatesAnswer, ct);
        var proposal = await TrackedAsync(id, r.Version, ct);
        proposal.Answer(r.Text ?? string.Empty, user.Name, clock.Today);
        db.AuditAction = "Proposal.Answered";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(proposal, null, ct);
    }

    /// <summary>A proposer's rating of the current answer; anyone else is refused (403) and nothing changes.</summary>
    public async Task<ProposalView> RateAsync(int id, RateProposalRequest r, CancellationToken ct = default)
    {
        var personId = await scopes.CurrentPersonIdAsync(ct);
        if (personId is null || !await db.ProposalProposers.AnyAsync(x => x.ProposalId == id && x.PersonId == personId, ct))
        {
            throw new ScopeRefusedException();
        }

        var proposal = await TrackedAsync(id, r.Version, ct);
        if (r.Rating is not { } rating)
        {
            throw new InputValidationException(new FieldErrors().Add("rating", "Input.Required", "Field.Proposal.Rating"));
        }

        proposal.Rate(personId.Value, rating, clock.Today, await calendar.CurrentAsync(ct), rules);
        db.AuditAction = "Proposal.Rated";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(proposal, personId, ct);
    }

    public Task<ProposalView> CloseAsync(int id, ProposalStepRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Permission.DelegatesManage, "Proposal.Closed", p => p.Close(clock.Today), ct);

    private async Task<ProposalView> FileAsync(CongressTerm term, int leadPersonId, IReadOnlyList<int>? coSigners, string? title, string? content, CancellationToken ct)
    {
        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == term.Id).ToListAsync(ct);
        var proposal = Proposal.File(term, seats, leadPersonId, coSigners ?? [], title ?? string.Empty, content ?? string.Empty, user.Name, clock.Today, rules);
        db.Proposals.Add(proposal);
        db.AuditAction = "Proposal.Filed";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(proposal, null, ct);
    }

    private async Task<ProposalView> StepAsync(int id, int version, Permission permission, string action, Action<Proposal> step, CancellationToken ct)
    {
        var proposal = await LoadAsync(id, version, permission, ct);
        step(proposal);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(proposal, null, ct);
    }

    private async Task<CongressTerm> TermAsync(int? termId, Permission permission, CancellationToken ct)
    {
        if (termId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Proposal.Term"));
        }

        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", id, permission, ct);
        return await db.CongressTerms.AsNoTracking().FirstAsync(t => t.Id == id, ct);
    }

    /// <summary>Demands <paramref name="permission"/> on the term's organization, then loads the tracked proposal at the caller's version.</summary>
    private async Task<Proposal> LoadAsync(int id, int version, Permission permission, CancellationToken ct)
    {
        var orgId = await db.Proposals.AsNoTracking().Where(x => x.Id == id).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "proposal", id, permission, ct);
        return await TrackedAsync(id, version, ct);
    }

    private async Task<Proposal> TrackedAsync(int id, int version, CancellationToken ct)
    {
        var proposal = await db.Proposals.Include(x => x.Proposers).Include(x => x.Answers).Include(x => x.Ratings).AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        db.ExpectVersion(proposal, version);
        return proposal;
    }
}
