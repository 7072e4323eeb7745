using Dangjian.Data.Calendar;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// 任职前公示 and after (CAD-5): the period on the working-day calendar, objections staff record, their conclusion, the
/// appointment (refused while the period runs or an objection is open) and the probation's end review.
/// </summary>
public sealed class PublicityCommands(
    SelectionCaseStore store, SelectionQueries queries, IWorkingDayCalendar calendar, CurrentUser user, TimeProvider time, OrgClock clock)
{
    public async Task<SelectionCaseView> StartAsync(int id, StartPublicityRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        var start = r.StartDay ?? clock.Today;
        c.StartPublicity(start, await calendar.CurrentAsync(ct), SelectionCommands.Rules, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.PublicityStarted", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>An objection received by letter or in person; the day defaults to today.</summary>
    public async Task<SelectionCaseView> ReceiveAsync(int id, ObjectionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        c.ReceiveObjection(r.ReceivedOn ?? clock.Today, r.Text ?? string.Empty, string.IsNullOrWhiteSpace(r.SubmitterName) ? null : r.SubmitterName, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.ObjectionReceived", ct);
        return await queries.CaseAsync(id, ct);
    }

    /// <summary>What the investigation found and the answer; an upheld objection stops the case.</summary>
    public async Task<SelectionCaseView> ConcludeAsync(int id, int number, ConcludeObjectionRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.Outcome is null)
        {
            throw new InputValidationException(new FieldErrors().Add("outcome", "Input.Required", "Field.Selection.ObjectionOutcome"));
        }

        c.ConcludeObjection(number, r.Outcome.Value, r.Finding ?? string.Empty, r.Answer ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.ObjectionConcluded", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> AppointAsync(int id, AppointRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        c.Appoint(r.AppointedOn ?? clock.Today, SelectionCommands.Rules, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.Appointed", ct);
        return await queries.CaseAsync(id, ct);
    }

    public async Task<SelectionCaseView> ReviewAsync(int id, ProbationReviewRequest r, CancellationToken ct = default)
    {
        var c = await store.LoadAsync(id, r.Version, ct);
        if (r.Outcome is null)
        {
            throw new InputValidationException(new FieldErrors().Add("outcome", "Input.Required", "Field.Selection.ProbationOutcome"));
        }

        c.ReviewProbation(r.ReviewedOn ?? clock.Today, r.Outcome.Value, r.Finding ?? string.Empty, user.Name, time.GetUtcNow());
        await store.SaveAsync(c, "SelectionCase.ProbationReviewed", ct);
        return await queries.CaseAsync(id, ct);
    }
}
