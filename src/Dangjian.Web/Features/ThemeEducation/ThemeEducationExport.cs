using Dangjian.Domain.Common;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>
/// A campaign's completion grid over a subtree as .xlsx: one row per organization, one column per required activity
/// (the day it was done, 未到期 while due, 逾期 when overdue, empty when the organization does not owe it), then the
/// completion by organization under the root and the overdue list.
/// </summary>
public sealed class ThemeEducationExport(ThemeEducationQueries queries, IStringLocalizer<ThemeEducationText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> GridAsync(int id, int? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var s = await queries.GridAsync(id, organizationId, asOf, ct);
        var activities = s.Campaign.Activities.ToList();
        var cells = s.Cells.ToDictionary(c => (c.OrganizationId, c.ActivityId));
        var owing = s.Cells.Select(c => c.OrganizationId).ToHashSet();
        var grid = s.Organizations.Where(o => owing.Contains(o.Id)).Select(o =>
        {
            var row = new Dictionary<string, object?> { [text["Col.Organization"]] = ExcelFile.Safe(s.Names[o.Id]) };
            foreach (var (a, i) in activities.Select((a, i) => (a, i)))
            {
                row[Header(a, i)] = cells.TryGetValue((o.Id, a.Id), out var c) ? Cell(c) : null;
            }

            var done = s.Cells.Where(c => c.OrganizationId == o.Id).ToList();
            row[text["Col.Percent"]] = ThemeProgress.Completion(done).Percent;
            return row;
        }).ToList();
        var byChild = ThemeProgress.ByChild(s.Organizations[0].Path, s.Organizations, s.Cells).Select(x => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(s.Names[x.Child.Id]),
            [text["Col.Required"]] = x.Completion.Required,
            [text["Col.Done"]] = x.Completion.Done,
            [text["Col.Overdue"]] = x.Completion.Overdue,
            [text["Col.Percent"]] = x.Completion.Percent,
        }).ToList();
        var overdue = ThemeEducationQueries.Overdue(s).Select(o => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(o.OrganizationName),
            [text["Col.Activity"]] = ExcelFile.Safe(o.ActivityTitle),
            [text["Col.Kind"]] = enums[$"RequiredActivityKind.{o.Kind}"].Value,
            [text["Col.DueOn"]] = DateText.Format(o.DueOn),
            [text["Col.DaysOverdue"]] = o.DaysOverdue,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [text["GridSheet"]] = grid,
            [text["ByOrganizationSheet"]] = byChild,
            [text["OverdueSheet"]] = overdue,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>A column per activity, numbered so two activities of one title stay apart.</summary>
    private string Header(RequiredActivity a, int index) => text["Col.ActivityHeader", index + 1, a.Title, DateText.Format(a.DueOn)];

    private string Cell(ActivityCell c) => c.State switch
    {
        ActivityState.Done => DateText.Format(c.DoneOn!.Value),
        ActivityState.Overdue => text["State.Overdue"],
        _ => text["State.Due"],
    };
}
