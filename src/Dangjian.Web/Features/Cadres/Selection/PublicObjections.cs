using Dangjian.Data;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// The public publicity page of a selection case (CAD-5) and the objections filed on it, by anyone, without an account.
/// An anonymous objection keeps nothing finer than the day: its row has the day only, its trace entry's instant is the
/// start of the day (or the previous entry's, when that is later the same day), no address or other request data is
/// read, and neither is audited row by row (the audit entry's own time would date it to the second; see
/// Dangjian.Data.Cadres.SelectionSecrecy). A named objection is recorded with its time and audited as any entry.
/// </summary>
public sealed class PublicObjections(DangjianDbContext db, OrgClock clock, TimeProvider time)
{
    /// <summary>Who the trace names as having recorded an objection filed on the public page.</summary>
    public const string PublicPage = "公示页面";

    /// <summary>The case as the public sees it while in publicity (and a notice after); null when it is not in publicity.</summary>
    public async Task<PublicSelectionView?> ViewAsync(int id, CancellationToken ct = default)
    {
        var c = await db.SelectionCases.AsNoTracking().Include(x => x.Candidates).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || c.IsStopped || c.PublicityStart is not { } start || c.PublicityLastDay is not { } last || clock.Today < start)
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var today = clock.Today;
        return new PublicSelectionView(org, c.Post, [.. c.Candidates.OrderBy(x => x.Id).Where(x => x.Chosen).Select(x => x.Name)], start, last, c.PublicityRunsOn(today), today > last);
    }

    public async Task<PublicObjectionResult> SubmitAsync(int id, string? text, string? name, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await db.SelectionCases.Include(x => x.Trace).Include(x => x.Objections).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null || c.IsStopped || c.PublicityStart is null)
            {
                return new PublicObjectionResult(PublicObjectionOutcome.NotFound, []);
            }

            var today = clock.Today;
            if (c.Phase != SelectionPhase.InPublicity || !c.PublicityRunsOn(today))
            {
                return new PublicObjectionResult(PublicObjectionOutcome.Closed, []);
            }

            SelectionCaseStore.Order(c);
            var submitter = string.IsNullOrWhiteSpace(name) ? null : name;
            var at = submitter is null ? DayOnly(c, today) : time.GetUtcNow();
            try
            {
                c.ReceiveObjection(today, text ?? string.Empty, submitter, PublicPage, at);
            }
            catch (DomainRuleException e)
            {
                db.ChangeTracker.Clear();
                return new PublicObjectionResult(PublicObjectionOutcome.Invalid, FieldErrors.From(e).Items);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return new PublicObjectionResult(PublicObjectionOutcome.Accepted, []);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another entry took the same sequence at the same moment: read the case again and append after it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The start of the day on the organization's clock, or the latest entry's instant when that is later (nothing is back-dated).</summary>
    private DateTimeOffset DayOnly(SelectionCase c, DateOnly today)
    {
        var start = clock.Zone.At(today, TimeOnly.MinValue).ToUniversalTime();
        return c.Trace.Count > 0 && c.Trace[^1].At > start ? c.Trace[^1].At : start;
    }
}
