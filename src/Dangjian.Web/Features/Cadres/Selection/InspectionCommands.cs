using Dangjian.Data;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// The differential inspection (CAD-4): the certified team, the methods, 两圈 per candidate and circle, the written
/// finding per candidate, and its completion. Load, one entity method, audit, save.
/// </summary>
public sealed class InspectionCommands(DangjianDbContext db, SelectionCaseStore store, SelectionQueries queries, CurrentUser user, TimeProvider time)
{
    /// <summary>The team, each member with a certificate valid on the day (the refusal names the first who has none).</summary>
    public async Task<SelectionCaseView> StartAsync(int id, StartInspectionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.Day is null)
        {
            throw new InputValidationException(new FieldErrors().Add("day", "Input.Required", "Field.Selection.InspectionDay"));
        }

        var team = await store.PeopleAsync(r.TeamPersonIds, "team", "Field.Selection.Team", ct);
        var ids = team.Select(t => t.PersonId).ToList();
        var certificates = await db.InspectionQualifications.AsNoTracking().Where(q => ids.Contains(q.PersonId)).ToListAsync(ct);
        c.StartInspection(team, certificates, r.Day.Value, SelectionCommands.Rules, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.InspectionStarted", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> RecordMethodAsync(int id, InspectionMethodRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.Method is null)
        {
            throw new InputValidationException(new FieldErrors().Add("method", "Input.Required", "Field.Selection.Method"));
        }

        c.RecordMethod(r.Method.Value, r.Summary ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.InspectionMethod", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> RecordCircleAsync(int id, CircleFindingRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        if (r.PersonId is null)
        {
            errors.Add("personId", "Input.Required", "Field.Selection.Person");
        }

        if (r.Circle is null)
        {
            errors.Add("circle", "Input.Required", "Field.Selection.Circle");
        }

        errors.ThrowIfAny();
        c.RecordCircleFinding(r.PersonId!.Value, r.Circle!.Value, r.Finding ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.CircleFinding", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> RecordFindingAsync(int id, CandidateFindingRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.PersonId is null)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Selection.Person"));
        }

        c.RecordFinding(r.PersonId.Value, r.Finding ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.CandidateFinding", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>Completes the inspection; what is still missing (a circle, a finding) is named all at once.</summary>
    public async Task<SelectionCaseView> CompleteAsync(int id, VersionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        c.CompleteInspection(user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.InspectionCompleted", ct);
        return await queries.CaseAsync(id, ct);
    }
}
