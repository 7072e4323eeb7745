using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>
/// Setting up and running a campaign (ThemeEducation.Run on its organizing organization): each command loads the
/// campaign, checks the version the caller saw, calls one method of <see cref="ThemeCampaign"/>, names the audit action
/// and saves. A change to the plan raises the campaign's version, so two people editing one plan never both win.
/// </summary>
public sealed class ThemeCampaignCommands(DangjianDbContext db, ScopeService scopes, ThemeEducationQueries queries)
{
    public async Task<ThemeCampaignView> CreateAsync(CreateThemeCampaignRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.ThemeEducationRun, orgId, ct);
        var (startsOn, endsOn) = Days(r.StartsOn, r.EndsOn, "Field.ThemeEducation.StartsOn", "Field.ThemeEducation.EndsOn");
        var campaign = ThemeCampaign.Create(orgId, r.Title ?? string.Empty, r.Theme ?? string.Empty, startsOn, endsOn);
        db.ThemeCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(campaign, true, await scopes.HoldsAsync(Permission.ThemeEducationReport, ct), ct);
    }

    public Task<ThemeCampaignView> UpdateAsync(int id, UpdateThemeCampaignRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "ThemeCampaign.Updated", c =>
        {
            var (startsOn, endsOn) = Days(r.StartsOn, r.EndsOn, "Field.ThemeEducation.StartsOn", "Field.ThemeEducation.EndsOn");
            c.Describe(r.Title ?? string.Empty, r.Theme ?? string.Empty, startsOn, endsOn);
        }, ct);

    public Task<ThemeCampaignView> AddPhaseAsync(int id, AddThemePhaseRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "ThemeCampaign.PhaseAdded", c =>
        {
            var (startsOn, endsOn) = Days(r.StartsOn, r.EndsOn, "Field.ThemeEducation.PhaseStartsOn", "Field.ThemeEducation.PhaseEndsOn");
            c.AddPhase(r.Name ?? string.Empty, startsOn, endsOn);
        }, ct);

    public Task<ThemeCampaignView> RemovePhaseAsync(int id, int phaseId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "ThemeCampaign.PhaseRemoved", c => c.RemovePhase(phaseId), ct);

    public Task<ThemeCampaignView> AddActivityAsync(int id, int phaseId, AddRequiredActivityRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "ThemeCampaign.ActivityAdded", c =>
        {
            var errors = new FieldErrors();
            if (r.Kind is null)
            {
                errors.Add("kind", "Input.Required", "Field.ThemeEducation.ActivityKind");
            }

            if (r.DueOn is null)
            {
                errors.Add("dueOn", "Input.Required", "Field.ThemeEducation.DueOn");
            }

            errors.ThrowIfAny();
            c.AddActivity(phaseId, r.Kind!.Value, r.Title ?? string.Empty, r.DueOn!.Value, r.Levels ?? ThemeActivityLevels.None);
        }, ct);

    public Task<ThemeCampaignView> RemoveActivityAsync(int id, int activityId, int? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, "ThemeCampaign.ActivityRemoved", c => c.RemoveActivity(activityId), ct);

    public Task<ThemeCampaignView> LaunchAsync(int id, ThemeVersionRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "ThemeCampaign.Launched", c => c.Launch(), ct);

    public Task<ThemeCampaignView> CloseAsync(int id, ThemeVersionRequest r, CancellationToken ct = default) =>
        ChangeAsync(id, r.Version, "ThemeCampaign.Closed", c => c.Close(), ct);

    /// <summary>
    /// Load (Run on the campaign's organization, then the version the caller saw: a caller outside the scope learns nothing
    /// of what the request lacks), one entity call, audit, save.
    /// </summary>
    private async Task<ThemeCampaignView> ChangeAsync(int id, int? version, string action, Action<ThemeCampaign> change, CancellationToken ct)
    {
        var (orgId, _) = await queries.DemandVisibleAsync(id, ct);
        await scopes.DemandAsync(Permission.ThemeEducationRun, orgId, ct);
        var seen = RequireVersion(version);
        var campaign = await queries.LoadAsync(id, tracked: true, ct);
        db.ExpectVersion(campaign, seen);
        change(campaign);
        db.Entry(campaign).Property(c => c.Version).IsModified = true;
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(campaign, true, await scopes.HoldsAsync(Permission.ThemeEducationReport, ct), ct);
    }

    private static (DateOnly StartsOn, DateOnly EndsOn) Days(DateOnly? startsOn, DateOnly? endsOn, string startLabel, string endLabel)
    {
        var errors = new FieldErrors();
        if (startsOn is null)
        {
            errors.Add("startsOn", "Input.Required", startLabel);
        }

        if (endsOn is null)
        {
            errors.Add("endsOn", "Input.Required", endLabel);
        }

        errors.ThrowIfAny();
        return (startsOn!.Value, endsOn!.Value);
    }

    private static int RequireVersion(int? version) =>
        version ?? throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
}
