using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Units;

public sealed record UnitRow(int Id, string Name, UnitKind Kind, int AreaOrganizationId, string AreaName, int? OrganizationId, string? OrganizationName, int Headcount, int Version,
    string AreaCode = "", string? OrganizationCode = null);

/// <summary>
/// The units list's filters (ORG-4): 空白点 only (no party organization, or a dissolved one), a name search, and an organization
/// whose subtree the unit lies in (its area) or is covered from.
/// </summary>
public sealed record UnitFilter(bool UncoveredOnly = false, string? Search = null, int? OrganizationId = null);

/// <summary>An organization to pick as a unit's area or covering organization, or to filter the list by.</summary>
public sealed record UnitOrganizationChoice(int Id, string Code, string Name, OrganizationKind Kind);

/// <summary>Units in the caller's area and how many are 空白点, in all and per township/street.</summary>
public sealed record CoverageSummary(int Units, int Uncovered, IReadOnlyList<AreaGaps> ByArea);

public sealed record AreaGaps(int AreaOrganizationId, string AreaName, int Uncovered);

public sealed record UnitRequest(string? Name, UnitKind? Kind, int? AreaOrganizationId, int? OrganizationId, int? Headcount, int Version = 0);

/// <summary>Strings of the coverage pages (UnitText.resx, UnitText.en.resx).</summary>
public sealed class UnitText;

/// <summary>
/// Units and coverage (ORG-4): which villages, enterprises and buildings each organization covers,
/// and the 空白点 — units in the caller's area with no party organization (S2 "不留空白点").
/// </summary>
public sealed class UnitService(DangjianDbContext db, ScopeService scopes)
{
    public Task<Paged<UnitRow>> ListAsync(bool uncoveredOnly, string? search, int? page, int? pageSize, CancellationToken ct = default) =>
        ListAsync(new UnitFilter(uncoveredOnly, search), page, pageSize, ct);

    public async Task<Paged<UnitRow>> ListAsync(UnitFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var query = await QueryAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(window.Skip).Take(size).ToListAsync(ct);
        return new Paged<UnitRow>(rows, total, p, size);
    }

    public async Task<CoverageSummary> SummaryAsync(CancellationToken ct = default)
    {
        var areas = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        var units = db.Units.AsNoTracking().Join(areas, u => u.AreaOrganizationId, a => a.Id, (u, a) => new { Unit = u, Area = a });
        var total = await units.CountAsync(ct);
        var byArea = await units
            .Where(x => x.Unit.OrganizationId == null
                || db.Organizations.Any(o => o.Id == x.Unit.OrganizationId && o.Status == OrganizationStatus.Dissolved))
            .GroupBy(x => new { x.Area.Id, x.Area.Name, x.Area.Path })
            .Select(g => new { g.Key.Id, g.Key.Name, g.Key.Path, Count = g.Count() })
            .ToListAsync(ct);
        return new CoverageSummary(
            total,
            byArea.Sum(a => a.Count),
            byArea.OrderBy(a => a.Path, StringComparer.Ordinal).Select(a => new AreaGaps(a.Id, a.Name, a.Count)).ToList());
    }

    /// <summary>Organizations in the caller's write scope: units in these areas the caller may link to an organization.</summary>
    public async Task<IReadOnlySet<int>> WritableAreasAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.UnitsEdit, ct);
        return (await orgs.Select(o => o.Id).ToListAsync(ct)).ToHashSet();
    }

    public async Task<IReadOnlyList<UnitRow>> AllAsync(bool uncoveredOnly, CancellationToken ct = default) =>
        await (await QueryAsync(new UnitFilter(uncoveredOnly), ct)).ToListAsync(ct);

    public async Task<IReadOnlyList<UnitRow>> AllAsync(UnitFilter filter, CancellationToken ct = default) =>
        await (await QueryAsync(filter, ct)).ToListAsync(ct);

    /// <summary>One unit in the caller's read scope (its area); refused like the list outside it.</summary>
    public async Task<UnitRow> GetAsync(int id, CancellationToken ct = default)
    {
        var areaId = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => (int?)u.AreaOrganizationId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("unit", id);
        await scopes.DemandAsync(Permission.OrganizationsRead, areaId, ct);
        var units = db.Units.AsNoTracking().Where(u => u.Id == id);
        return await Rows(units, db.Organizations).FirstAsync(ct);
    }

    /// <summary>Whether the caller may add or edit units somewhere (shows the page's add, edit and import buttons).</summary>
    public Task<bool> CanEditAsync(CancellationToken ct = default) => scopes.HoldsAsync(Permission.UnitsEdit, ct);

    /// <summary>Active organizations where the caller holds <paramref name="permission"/>: a unit's area or covering organization, or the list's filter.</summary>
    public async Task<IReadOnlyList<UnitOrganizationChoice>> OrganizationChoicesAsync(Permission permission, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(permission, ct);
        return await orgs.Where(o => o.Status == OrganizationStatus.Active).OrderBy(o => o.Path)
            .Select(o => new UnitOrganizationChoice(o.Id, o.Code, o.Name, o.Kind)).ToListAsync(ct);
    }

    private async Task<IQueryable<UnitRow>> QueryAsync(UnitFilter filter, CancellationToken ct)
    {
        var (uncoveredOnly, search) = (filter.UncoveredOnly, filter.Search);
        var areas = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        var units = db.Units.AsNoTracking().AsQueryable();
        if (filter.OrganizationId is { } orgId)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            var scope = await scopes.GetAsync(ct);
            if (path is null || !scope.Allows(Permission.OrganizationsRead, path))
            {
                throw new ScopeRefusedException();
            }

            var within = db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
            units = units.Where(u => within.Contains(u.AreaOrganizationId) || (u.OrganizationId != null && within.Contains(u.OrganizationId.Value)));
        }

        if (uncoveredOnly)
        {
            // A unit whose organization was dissolved is uncovered again.
            units = units.Where(u => u.OrganizationId == null
                || db.Organizations.Any(o => o.Id == u.OrganizationId && o.Status == OrganizationStatus.Dissolved));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            units = units.Where(u => u.Name.Contains(s));
        }

        return Rows(units, areas);
    }

    private IQueryable<UnitRow> Rows(IQueryable<Unit> units, IQueryable<Organization> areas) =>
        units.Join(areas, u => u.AreaOrganizationId, a => a.Id, (u, a) => new { u, a })
            .OrderBy(x => x.a.Path).ThenBy(x => x.u.Name).ThenBy(x => x.u.Id)
            .Select(x => new UnitRow(
                x.u.Id, x.u.Name, x.u.Kind, x.a.Id, x.a.Name, x.u.OrganizationId,
                db.Organizations.Where(o => o.Id == x.u.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                x.u.Headcount, x.u.Version, x.a.Code,
                db.Organizations.Where(o => o.Id == x.u.OrganizationId).Select(o => o.Code).FirstOrDefault()));

    public async Task<int> SaveAsync(int? id, UnitRequest r, CancellationToken ct = default)
    {
        var facts = new UnitFacts(r.Name, r.Kind, r.AreaOrganizationId, r.OrganizationId, r.Headcount);
        var errors = new FieldErrors();
        errors.AddAll(UnitRules.Check(facts).Problems);
        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.UnitsEdit, r.AreaOrganizationId!.Value, ct);
        if (r.OrganizationId is { } covering)
        {
            await scopes.DemandAsync(Permission.UnitsEdit, covering, ct);
        }

        // Only an active organization takes a new unit or covers one (a dissolved one leaves a 空白点).
        var ids = new[] { r.AreaOrganizationId!.Value, r.OrganizationId ?? 0 };
        var dissolved = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Status != OrganizationStatus.Active).Select(o => o.Id).ToListAsync(ct);
        if (dissolved.Contains(r.AreaOrganizationId!.Value))
        {
            errors.Add("areaOrganizationId", "Unit.OrganizationDissolved");
        }

        if (r.OrganizationId is { } c && dissolved.Contains(c))
        {
            errors.Add("organizationId", "Unit.OrganizationDissolved");
        }

        errors.ThrowIfAny();

        Unit unit;
        if (id is { } existingId)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == existingId, ct) ?? throw new NotFoundException("unit", existingId);
            await scopes.DemandAsync(Permission.UnitsEdit, unit.AreaOrganizationId, ct);
            db.ExpectVersion(unit, r.Version);
        }
        else
        {
            unit = new Unit();
            db.Units.Add(unit);
        }

        UnitRules.Apply(unit, facts);
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }
}

public static class UnitEndpoints
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services.AddScoped<UnitService>().AddScoped<UnitImport>();

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Units");
        group.MapGet("/", ListUnits).WithName(nameof(ListUnits)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/summary", GetCoverageSummary).WithName(nameof(GetCoverageSummary)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/uncovered/export", ExportUncoveredUnits).WithName(nameof(ExportUncoveredUnits)).RequirePermission(Permission.OrganizationsRead);
        group.MapPost("/", CreateUnit).WithName(nameof(CreateUnit)).RequirePermission(Permission.UnitsEdit);
        group.MapPut("/{id:int}", UpdateUnit).WithName(nameof(UpdateUnit)).RequirePermission(Permission.UnitsEdit);
        group.MapGet("/{id:int}", GetUnit).WithName(nameof(GetUnit)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/export", ExportUnits).WithName(nameof(ExportUnits)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/import/template", GetUnitImportTemplate).WithName(nameof(GetUnitImportTemplate)).RequirePermission(Permission.UnitsEdit);
        group.MapPost("/import", ImportUnits).WithName(nameof(ImportUnits)).RequirePermission(Permission.UnitsEdit).AcceptsExcel();
    }

    public static async Task<Ok<Paged<UnitRow>>> ListUnits(UnitService units, bool? uncovered, string? search, int? organizationId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(new UnitFilter(uncovered ?? false, search, organizationId), page, pageSize, ct));

    public static async Task<Ok<UnitRow>> GetUnit(UnitService units, int id, CancellationToken ct) =>
        TypedResults.Ok(await units.GetAsync(id, ct));

    /// <summary>Every unit the filter lists, as .xlsx in the import template's columns (plus names), so an export can be edited and imported elsewhere.</summary>
    public static async Task<FileContentHttpResult> ExportUnits(UnitService units, EnumLabels labels, IStringLocalizer<UnitText> text, OrgClock clock, bool? uncovered, string? search, int? organizationId, CancellationToken ct)
    {
        var rows = (await units.AllAsync(new UnitFilter(uncovered ?? false, search, organizationId), ct)).Select(u => new Dictionary<string, object?>
        {
            [text[UnitImport.ResourceKey(UnitColumn.Name)]] = ExcelFile.Safe(u.Name),
            [text[UnitImport.ResourceKey(UnitColumn.Kind)]] = labels.Of(u.Kind),
            [text[UnitImport.ResourceKey(UnitColumn.AreaCode)]] = u.AreaCode,
            [text["Col.Area"]] = ExcelFile.Safe(u.AreaName),
            [text[UnitImport.ResourceKey(UnitColumn.OrganizationCode)]] = u.OrganizationCode,
            [text["Col.Organization"]] = ExcelFile.Safe(u.OrganizationName),
            [text[UnitImport.ResourceKey(UnitColumn.Headcount)]] = u.Headcount,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Import.Sheet"], cancellationToken: ct);
        return ExcelFile.Result(stream.ToArray(), "units", clock);
    }

    public static async Task<FileContentHttpResult> GetUnitImportTemplate(IStringLocalizer<UnitText> text, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await UnitImport.TemplateAsync(text, ct), "units-template", clock);

    /// <summary>
    /// Imports units (ORG-4): the body is the .xlsx itself (Content-Type …spreadsheetml.sheet). 200 <c>{"imported": n}</c> when
    /// every row was added, in one transaction; 400 ValidationProblemDetails with nothing stored otherwise, <c>errors</c> keyed
    /// <c>"row/column"</c> and <c>rowErrors</c> listing <c>{row, column, message}</c>, as the roster import answers.
    /// </summary>
    public static async Task<Results<Ok<UnitImportSummary>, ValidationProblem, ProblemHttpResult>> ImportUnits(
        HttpContext http, UnitImport import, ExcelUpload upload, IStringLocalizer<RuleText> rules, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        var result = await import.ImportAsync(body.File!, ct);
        return result.Succeeded
            ? TypedResults.Ok(new UnitImportSummary(result.Imported))
            : Dangjian.Web.Features.People.ImportProblem.Of(result.Errors, result.ErrorCount, rules["Import.Rejected", result.ErrorCount]);
    }

    public static async Task<Ok<CoverageSummary>> GetCoverageSummary(UnitService units, CancellationToken ct) =>
        TypedResults.Ok(await units.SummaryAsync(ct));

    public static async Task<FileContentHttpResult> ExportUncoveredUnits(UnitService units, EnumLabels labels, IStringLocalizer<UnitText> text, OrgClock clock, CancellationToken ct)
    {
        var rows = (await units.AllAsync(uncoveredOnly: true, ct)).Select(u => new Dictionary<string, object?>
        {
            [text["Col.Area"]] = ExcelFile.Safe(u.AreaName),
            [text["Col.Name"]] = ExcelFile.Safe(u.Name),
            [text["Col.Kind"]] = labels.Of(u.Kind),
            [text["Col.Headcount"]] = u.Headcount,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return ExcelFile.Result(stream.ToArray(), "uncovered-units", clock);
    }

    public static async Task<Created<UnitRow>> CreateUnit(UnitService units, UnitRequest request, CancellationToken ct)
    {
        var id = await units.SaveAsync(null, request, ct);
        var row = (await units.AllAsync(false, ct)).First(u => u.Id == id);
        return TypedResults.Created($"/api/v1/units/{id}", row);
    }

    public static async Task<Ok<UnitRow>> UpdateUnit(UnitService units, int id, UnitRequest request, CancellationToken ct)
    {
        await units.SaveAsync(id, request, ct);
        return TypedResults.Ok((await units.AllAsync(false, ct)).First(u => u.Id == id));
    }
}
