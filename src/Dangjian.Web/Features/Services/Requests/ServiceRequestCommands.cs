using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Services;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Services.Requests;

/// <summary>
/// The steps of a 三服务 service request (ORG-8). The raiser's steps (raise, withdraw, reopen) need Services.Raise on the
/// raising organization; the level above's (take up, answer, close) need Services.Answer on the organization the need is
/// raised to — a township's admin answers its branches, the district's admin the townships. Each loads, calls one method
/// of <see cref="ServiceRequest"/>, names the audit action and saves.
/// </summary>
public sealed class ServiceRequestCommands(
    DangjianDbContext db, ScopeService scopes, ServiceRequestQueries queries, IWorkingDayCalendar calendar, CurrentUser user, TimeProvider time, OrgClock clock)
{
    /// <summary>The limits every request gets: the system's defaults (<see cref="ServiceLimits.Defaults"/>).</summary>
    public static ServiceLimits Limits => ServiceLimits.Defaults;

    public async Task<ServiceRequestView> RaiseAsync(RaiseServiceRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        if (r.Kind is null)
        {
            throw new InputValidationException(new FieldErrors().Add("kind", "Input.Required", "Field.ServiceRequest.Kind"));
        }

        await scopes.DemandAsync(Permission.ServicesRaise, orgId, ct);
        var parentId = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.ParentId).FirstAsync(ct);
        var request = ServiceRequest.Raise(
            orgId, parentId, r.Kind.Value, r.Title, r.Details, r.RaisedOn ?? clock.Today, clock.Today,
            await calendar.CurrentAsync(ct), Limits, user.Name, time.GetUtcNow());
        db.ServiceRequests.Add(request);
        db.AuditAction = "ServiceRequest.Raised";
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(request.Id, ct);
    }

    public Task<ServiceRequestView> WithdrawAsync(int id, ServiceReasonRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Side.Raiser, "ServiceRequest.Withdrawn", (s, _) => s.Withdraw(r.Reason, user.Name, time.GetUtcNow(), clock.Today), ct);

    public Task<ServiceRequestView> ReopenAsync(int id, ServiceReasonRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Side.Raiser, "ServiceRequest.Reopened", async (s, c) =>
            s.Reopen(r.Reason, user.Name, time.GetUtcNow(), clock.Today, await calendar.CurrentAsync(c), Limits), ct);

    public Task<ServiceRequestView> TakeUpAsync(int id, ServiceStepRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Side.LevelAbove, "ServiceRequest.TakenUp", (s, _) => s.TakeUp(user.Name, time.GetUtcNow(), clock.Today), ct);

    public Task<ServiceRequestView> AnswerAsync(int id, ServiceAnswerRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Side.LevelAbove, "ServiceRequest.Answered", (s, _) => s.AnswerWith(r.Answer, user.Name, time.GetUtcNow(), clock.Today), ct);

    public Task<ServiceRequestView> CloseAsync(int id, ServiceStepRequest r, CancellationToken ct = default) =>
        StepAsync(id, r.Version, Side.LevelAbove, "ServiceRequest.Closed", (s, _) => s.Close(user.Name, time.GetUtcNow(), clock.Today), ct);

    private enum Side
    {
        Raiser,
        LevelAbove,
    }

    private Task<ServiceRequestView> StepAsync(int id, int version, Side side, string action, Action<ServiceRequest, CancellationToken> step, CancellationToken ct) =>
        StepAsync(id, version, side, action, (s, c) =>
        {
            step(s, c);
            return Task.CompletedTask;
        }, ct);

    private async Task<ServiceRequestView> StepAsync(int id, int version, Side side, string action, Func<ServiceRequest, CancellationToken, Task> step, CancellationToken ct)
    {
        var owners = await db.ServiceRequests.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.OrganizationId, s.ToOrganizationId }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(
            side == Side.Raiser ? owners?.OrganizationId : owners?.ToOrganizationId, "service request", id,
            side == Side.Raiser ? Permission.ServicesRaise : Permission.ServicesAnswer, ct);
        var request = await db.ServiceRequests.FirstAsync(s => s.Id == id, ct);
        db.ExpectVersion(request, version);
        await step(request, ct);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }
}
