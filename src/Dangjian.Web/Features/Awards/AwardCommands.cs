using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Awards;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Awards;

/// <summary>
/// The steps of a 评先评优 selection (EVA-11), each after Evaluations.Run on the selection's organization: load, call the
/// entity, audit, save. The eligibility check gathers each nominee's facts (<see cref="AwardQueries.FactsAsync"/>) and the
/// rules decide (<see cref="AwardEligibility"/>).
/// </summary>
public sealed class AwardCommands(
    DangjianDbContext db, ScopeService scopes, AwardQueries queries, IWorkingDayCalendar calendars, CurrentUser user, OrgClock clock)
{
    public async Task<AwardSelectionView> OpenAsync(OpenSelectionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.EvaluationsRun, orgId, ct);
        var errors = new FieldErrors();
        if (r.Year is null)
        {
            errors.Add("year", "Input.Required", "Field.Award.Year");
        }

        errors.ThrowIfAny();
        var s = AwardSelection.Open(orgId, r.Year!.Value, r.Title ?? string.Empty, r.OrganizationQuota ?? 0, r.MemberQuota ?? 0, r.PartyWorkerQuota ?? 0);
        db.AwardSelections.Add(s);
        db.AuditAction = "AwardSelection.Opened";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(s.Id, ct);
    }

    /// <summary>A nomination of a person or an organization of the selection's subtree.</summary>
    public async Task<AwardSelectionView> NominateAsync(int id, NominateRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = await LoadAsync(id, r.Version, ct);
        if (r.Category is null)
        {
            throw new InputValidationException(new FieldErrors().Add("category", "Input.Required", "Field.Award.Category"));
        }

        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == s.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        string? name = null;
        string? path = null;
        if (r.Category == AwardCategory.AdvancedOrganization && r.NomineeOrganizationId is { } org)
        {
            (name, path) = await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => new { o.Name, o.Path })
                .Select(o => new ValueTuple<string?, string?>(o.Name, o.Path)).FirstOrDefaultAsync(ct);
        }
        else if (r.Category != AwardCategory.AdvancedOrganization && r.PersonId is { } person)
        {
            var p = await db.People.AsNoTracking().Where(x => x.Id == person && !x.IsRemoved)
                .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x.Name, o.Path }).FirstOrDefaultAsync(ct);
            (name, path) = (p?.Name, p?.Path);
        }

        var field = r.Category == AwardCategory.AdvancedOrganization ? "nomineeOrganizationId" : "personId";
        if (name is not null && (path is null || !path.StartsWith(root, StringComparison.Ordinal)))
        {
            throw new InputValidationException(new FieldErrors().Add(field, "Award.NomineeOutside"));
        }

        s.Nominate(r.Category.Value, r.PersonId, r.NomineeOrganizationId, name ?? string.Empty, r.NominatedBy ?? string.Empty, r.Statement ?? string.Empty);
        db.AuditAction = "AwardSelection.Nominated";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }

    /// <summary>资格审查: every nomination checked against the rules with the facts of the selection's year.</summary>
    public async Task<AwardSelectionView> CheckAsync(int id, SelectionStepRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version, "AwardSelection.Checked", async s =>
        {
            var refusals = new Dictionary<int, IReadOnlyList<AwardRefusal>>();
            foreach (var n in s.Nominations)
            {
                refusals[n.Id] = AwardEligibility.Check(await queries.FactsAsync(n, s.Year, ct), AwardRules.Default);
            }

            s.RecordCheck(refusals);
        }, ct);
    }

    public async Task<AwardSelectionView> DecideAsync(int id, DecideRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version, "AwardSelection.Decided", s => s.Decide(r.Chosen ?? []), ct);
    }

    public async Task<AwardSelectionView> PublicizeAsync(int id, PublicizeAwardRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version, "AwardSelection.Publicized", async s =>
            s.Publicize(r.From ?? clock.Today, clock.Today, await calendars.CurrentAsync(ct), AwardRules.Default), ct);
    }

    /// <summary>An objection entered by staff, under their name.</summary>
    public async Task<AwardSelectionView> ObjectAsync(int id, AwardObjectionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version ?? -1, "AwardSelection.Objected", s =>
            s.FileObjection(r.NominationId ?? 0, r.Text ?? string.Empty, string.IsNullOrWhiteSpace(r.FiledBy) ? user.Name : r.FiledBy, clock.Today), ct);
    }

    /// <summary>
    /// An objection from the public publicity page: no name, no version (the public does not edit the selection). It keeps
    /// only its day, and neither its row nor an event goes into the audit log as it comes (DangjianDbContext.IsAudited): an
    /// entry's instant would date it to the second, as for publicity objections to a cadre (SelectionSecrecy).
    /// </summary>
    public async Task PublicObjectAsync(int id, int nominationId, string? text, CancellationToken ct = default)
    {
        var s = await db.AwardSelections.Include(x => x.Nominations).Include(x => x.Objections).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("awardSelection", id);
        s.FileObjection(nominationId, text ?? string.Empty, null, clock.Today);
        await db.SaveChangesAsync(ct);
    }

    public async Task<AwardSelectionView> AnswerAsync(int id, int objectionId, AnswerAwardObjectionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version, "AwardSelection.ObjectionAnswered", s =>
            s.AnswerObjection(
                objectionId,
                r.Upheld ?? throw new InputValidationException(new FieldErrors().Add("upheld", "Input.Required", "Field.Award.Upheld")),
                r.Answer ?? string.Empty, user.Name, clock.Today), ct);
    }

    /// <summary>表彰: the award records of the chosen, once publicity is over.</summary>
    public async Task<AwardSelectionView> AwardAsync(int id, SelectionStepRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        return await StepAsync(id, r.Version, "AwardSelection.Awarded", s => db.AwardRecords.AddRange(s.Award(clock.Today)), ct);
    }

    /// <summary>A step on a selection: loaded after the scope and version checks, changed by its rule, audited as <paramref name="action"/>, saved.</summary>
    private Task<AwardSelectionView> StepAsync(int id, int version, string action, Action<AwardSelection> change, CancellationToken ct) =>
        StepAsync(id, version, action, s =>
        {
            change(s);
            return Task.CompletedTask;
        }, ct);

    private async Task<AwardSelectionView> StepAsync(int id, int version, string action, Func<AwardSelection, Task> change, CancellationToken ct)
    {
        var s = await LoadAsync(id, version, ct);
        await change(s);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }

    private async Task<AwardSelection> LoadAsync(int id, int version, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.EvaluationsRun, ct);
        var s = await db.AwardSelections.Include(x => x.Nominations).Include(x => x.Objections).FirstAsync(x => x.Id == id, ct);
        db.ExpectVersion(s, version);
        return s;
    }
}
