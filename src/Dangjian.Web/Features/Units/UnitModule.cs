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

public sealed record UnitRow(int Id, string Name, UnitKind Kind, int AreaOrganizationId, string AreaName, int? OrganizationId, string? OrganizationName, int Headcount, int Version);

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
    public async Task<Paged<UnitRow>> ListAsync(bool uncoveredOnly, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var query = await QueryAsync(uncoveredOnly, search, ct);
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
        await (await QueryAsync(uncoveredOnly, null, ct)).ToListAsync(ct);

    private async Task<IQueryable<UnitRow>> QueryAsync(bool uncoveredOnly, string? search, CancellationToken ct)
    {
        var areas = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        var units = db.Units.AsNoTracking().AsQueryable();
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

        return units.Join(areas, u => u.AreaOrganizationId, a => a.Id, (u, a) => new { u, a })
            .OrderBy(x => x.a.Path).ThenBy(x => x.u.Name)
            .Select(x => new UnitRow(
                x.u.Id, x.u.Name, x.u.Kind, x.a.Id, x.a.Name, x.u.OrganizationId,
                db.Organizations.Where(o => o.Id == x.u.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                x.u.Headcount, x.u.Version));
    }

    public async Task<int> SaveAsync(int? id, UnitRequest r, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.UnitName", r.Name, Unit.MaxNameLength);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.UnitKind");
            kind = default;
        }

        if (r.AreaOrganizationId is null)
        {
            errors.Add("areaOrganizationId", "Input.Required", "Field.Organization");
        }

        if (r.Headcount is < 0)
        {
            errors.Add("headcount", "Input.OutOfRange", "Field.Headcount", 0, int.MaxValue);
        }

        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.UnitsEdit, r.AreaOrganizationId!.Value, ct);
        if (r.OrganizationId is { } covering)
        {
            await scopes.DemandAsync(Permission.UnitsEdit, covering, ct);
        }

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

        unit.Name = name;
        unit.Kind = kind;
        unit.AreaOrganizationId = r.AreaOrganizationId!.Value;
        unit.OrganizationId = r.OrganizationId;
        unit.Headcount = r.Headcount ?? 0;
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }
}

public static class UnitEndpoints
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services.AddScoped<UnitService>();

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Units");
        group.MapGet("/", ListUnits).WithName(nameof(ListUnits)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/summary", GetCoverageSummary).WithName(nameof(GetCoverageSummary)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/uncovered/export", ExportUncoveredUnits).WithName(nameof(ExportUncoveredUnits)).RequirePermission(Permission.OrganizationsRead);
        group.MapPost("/", CreateUnit).WithName(nameof(CreateUnit)).RequirePermission(Permission.UnitsEdit);
        group.MapPut("/{id:int}", UpdateUnit).WithName(nameof(UpdateUnit)).RequirePermission(Permission.UnitsEdit);
    }

    public static async Task<Ok<Paged<UnitRow>>> ListUnits(UnitService units, bool? uncovered, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(uncovered ?? false, search, page, pageSize, ct));

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
