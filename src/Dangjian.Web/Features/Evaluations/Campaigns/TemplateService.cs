using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// Criteria templates (EVA-1, EVA-2): every signed-in staff member reads them (a campaign is made from one); only
/// district admins (组织部) create, edit or archive them, as with the working-day calendar: one set for the district.
/// A campaign copies the criteria when it is created, so an edit never reaches a campaign under way.
/// </summary>
public sealed class TemplateService(DangjianDbContext db, ScopeService scopes)
{
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(bool includeArchived, CancellationToken ct = default)
    {
        await DemandStaffAsync(ct);
        var rows = await db.EvaluationTemplates.AsNoTracking().Where(t => includeArchived || !t.Archived).OrderBy(t => t.Id).ToListAsync(ct);
        return rows.Select(t =>
        {
            var c = CampaignJson.Criteria(t.CriteriaJson);
            return new TemplateRow(t.Id, t.Name, c.Dimensions.Count, c.Scale.Count, c.VetoItems.Count, t.Archived, t.Version);
        }).ToList();
    }

    public async Task<TemplateView> GetAsync(int id, CancellationToken ct = default)
    {
        await DemandStaffAsync(ct);
        var t = await db.EvaluationTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("template", id);
        return View(t);
    }

    public Task<bool> MayEditAsync(CancellationToken ct = default) => scopes.HoldsAsync(Permission.EvaluationsDesign, ct);

    public async Task<TemplateView> CreateAsync(TemplateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await scopes.DemandHeldAsync(Permission.EvaluationsDesign, ct);
        var (name, criteria) = Check(request);
        if (await db.EvaluationTemplates.AnyAsync(t => t.Name == name, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("name", "Evaluation.NameTaken", name));
        }

        var t = new EvaluationTemplate { Name = name, CriteriaJson = CampaignJson.Write(criteria) };
        db.EvaluationTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return View(t);
    }

    public async Task<TemplateView> UpdateAsync(int id, TemplateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await scopes.DemandHeldAsync(Permission.EvaluationsDesign, ct);
        var t = await db.EvaluationTemplates.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("template", id);
        db.ExpectVersion(t, request.Version);
        var (name, criteria) = Check(request);
        if (await db.EvaluationTemplates.AnyAsync(x => x.Name == name && x.Id != id, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("name", "Evaluation.NameTaken", name));
        }

        t.Name = name;
        t.CriteriaJson = CampaignJson.Write(criteria);
        await db.SaveChangesAsync(ct);
        return View(t);
    }

    public async Task<TemplateView> ArchiveAsync(int id, bool archived, int version, CancellationToken ct = default)
    {
        await scopes.DemandHeldAsync(Permission.EvaluationsDesign, ct);
        var t = await db.EvaluationTemplates.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("template", id);
        db.ExpectVersion(t, version);
        t.Archived = archived;
        db.AuditAction = archived ? "EvaluationTemplate.Archived" : "EvaluationTemplate.Restored";
        await db.SaveChangesAsync(ct);
        return View(t);
    }

    private static (string Name, EvaluationCriteria Criteria) Check(TemplateRequest request)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.Evaluation.TemplateName", request.Name, EvaluationTemplate.MaxNameLength);
        var criteria = CriteriaCheck.Normalize(request.Criteria, errors, "criteria");
        errors.ThrowIfAny();
        return (name, criteria!);
    }

    private static TemplateView View(EvaluationTemplate t) => new(t.Id, t.Name, CampaignJson.Criteria(t.CriteriaJson), t.Archived, t.Version);

    private async Task DemandStaffAsync(CancellationToken ct)
    {
        if ((await scopes.GetAsync(ct)).Grants.Count == 0)
        {
            throw new ScopeRefusedException();
        }
    }

}

/// <summary>
/// The checks a criteria set must pass (EVA-1): at least two scale points with unique, non-empty labels and values
/// 0–100; at least one dimension with a unique name and a weight ≥ 0, the weights summing to 1 within 0.0001; veto
/// items non-empty and unique. Each message names its field (criteria.scale[1].label …).
/// </summary>
public static class CriteriaCheck
{
    public const decimal Tolerance = 0.0001m;
    public const int MaxLabelLength = 20;
    public const int MaxItemLength = 100;

    public static bool SumsToOne(IEnumerable<decimal> weights) => Math.Abs(weights.Sum() - 1m) <= Tolerance;

    public static EvaluationCriteria? Normalize(EvaluationCriteria? c, FieldErrors errors, string field)
    {
        if (c is null)
        {
            errors.Add(field, "Input.Required", "Field.Evaluation.Criteria");
            return null;
        }

        var scale = new List<ScalePoint>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var points = c.Scale ?? [];
        if (points.Count < 2)
        {
            errors.Add($"{field}.scale", "Evaluation.ScaleTooShort");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var label = errors.Text($"{field}.scale[{i}].label", "Field.Evaluation.ScaleLabel", points[i]?.Label, MaxLabelLength);
            if (label.Length > 0 && !labels.Add(label))
            {
                errors.Add($"{field}.scale[{i}].label", "Evaluation.Duplicate", "Field.Evaluation.ScaleLabel", label);
            }

            var value = points[i]?.Value ?? -1;
            if (value is < 0 or > 100)
            {
                errors.Add($"{field}.scale[{i}].value", "Input.OutOfRange", "Field.Evaluation.ScaleValue", 0, 100);
            }

            scale.Add(new ScalePoint(label, value));
        }

        var dimensions = new List<CriteriaDimension>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var dims = c.Dimensions ?? [];
        if (dims.Count == 0)
        {
            errors.Add($"{field}.dimensions", "Evaluation.NoDimensions");
        }

        for (var i = 0; i < dims.Count; i++)
        {
            var name = errors.Text($"{field}.dimensions[{i}].name", "Field.Evaluation.DimensionName", dims[i]?.Name, MaxLabelLength);
            if (name.Length > 0 && !names.Add(name))
            {
                errors.Add($"{field}.dimensions[{i}].name", "Evaluation.Duplicate", "Field.Evaluation.DimensionName", name);
            }

            var weight = dims[i]?.Weight ?? -1;
            if (weight is < 0 or > 1)
            {
                errors.Add($"{field}.dimensions[{i}].weight", "Input.OutOfRange", "Field.Evaluation.DimensionWeight", 0, 1);
            }

            var items = Items(dims[i]?.SubItems, errors, $"{field}.dimensions[{i}].subItems", "Field.Evaluation.SubItem");
            dimensions.Add(new CriteriaDimension(name, weight, items));
        }

        if (dims.Count > 0 && dims.All(d => d is { Weight: >= 0 }) && !SumsToOne(dims.Select(d => d.Weight)))
        {
            errors.Add($"{field}.dimensions", "Evaluation.WeightsSum", "Field.Evaluation.DimensionWeight", dims.Sum(d => d.Weight));
        }

        var vetoes = Items(c.VetoItems, errors, $"{field}.vetoItems", "Field.Evaluation.VetoItem");
        return new EvaluationCriteria(scale, dimensions, vetoes);
    }

    private static List<string> Items(IReadOnlyList<string>? items, FieldErrors errors, string field, string label)
    {
        var list = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var text = errors.Text($"{field}[{i}]", label, items![i], MaxItemLength);
            if (text.Length > 0 && !seen.Add(text))
            {
                errors.Add($"{field}[{i}]", "Evaluation.Duplicate", label, text);
            }

            list.Add(text);
        }

        return list;
    }
}
