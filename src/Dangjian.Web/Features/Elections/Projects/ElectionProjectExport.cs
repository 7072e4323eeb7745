using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>The election dashboard (ELE-1) as .xlsx: one row per project in scope, with its stage.</summary>
public sealed class ElectionProjectExport(ElectionProjectQueries queries, EnumLabels labels, IStringLocalizer<ElectionText> text, IStringLocalizer<RuleText> rules)
{
    public async Task<byte[]> ExportAsync(ElectionStage? stage, CancellationToken ct = default)
    {
        var rows = (await queries.AllInScopeAsync(stage, ct)).Select(p => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(p.OrganizationName),
            [text["Col.Title"]] = ExcelFile.Safe(p.Title),
            [text["Col.TermNumber"]] = p.TermNumber,
            [text["Col.CurrentTermEndsOn"]] = p.CurrentTermEndsOn is { } ends ? DateText.Format(ends) : null,
            [text["Col.PlannedElectionOn"]] = p.PlannedElectionOn is { } planned ? DateText.Format(planned) : null,
            [text["Col.Stage"]] = labels.Of(p.Stage),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>A project's nominees as its nominee table shows them (RPT-2): body, source, the 四个凡提必 checks, what blocks them, on the list or not.</summary>
    public async Task<byte[]> NomineesAsync(int id, CancellationToken ct = default)
    {
        var rows = await queries.NomineesAsync(id, ct);
        var separator = rules["Election.ListSeparator"].Value;
        return await ListSheet.SaveAsync<NomineeView>(text["Sheet.Nominees"], rows,
        [
            (rules["Field.PersonName"], n => ExcelFile.Safe(n.PersonName)),
            (rules["Field.Body"], n => labels.Of(n.BodyKind)),
            (rules["Field.Source"], n => labels.Of(n.Source)),
            (text["Col.JointNominators"], n => ExcelFile.Safe(n.JointNominators)),
            (text["Checks"], n => string.Join(separator, n.Checks.Select(c => $"{rules[$"Field.VettingKind.{c.Kind}"].Value} {labels.Of(c.Result)}"))),
            (text["Blockers"], n => ExcelFile.Safe(n.BlockerTexts.Count == 0 ? text["CanBeCandidate"].Value : string.Join(separator, n.BlockerTexts))),
            (text["OnList"], n => n.OnList ? text["Candidate"].Value : null),
        ], ct);
    }

    /// <summary>A project's checklists (ELE-3) as its checklist table shows them (RPT-2); <paramref name="missingOnly"/> as its "not done only" switch.</summary>
    public async Task<byte[]> ChecklistsAsync(int id, bool missingOnly, CancellationToken ct = default)
    {
        var view = await queries.ChecklistsAsync(id, ct);
        return await ListSheet.SaveAsync<ChecklistItemView>(text["Sheet.Checklists"], view.Items.Where(i => !missingOnly || i.DoneOn is null),
        [
            (rules["Field.PersonName"], i => ExcelFile.Safe(i.PersonName)),
            (text["List"], i => labels.Of(i.Kind)),
            (text["Reason"], i => labels.Of(i.Reason)),
            (text["DoneOn"], i => i.DoneOn is { } d ? DateText.Format(d) : text["NotDone"].Value),
        ], ct);
    }

    /// <summary>A project's misconduct reports (ELE-14) as its report table shows them (RPT-2).</summary>
    public async Task<byte[]> ReportsAsync(int id, CancellationToken ct = default)
    {
        var rows = await queries.ReportsAsync(id, ct);
        return await ListSheet.SaveAsync<ReportView>(text["Sheet.Reports"], rows,
        [
            (rules["Field.ReceivedOn"], r => DateText.Format(r.ReceivedOn)),
            (rules["Field.Nominee"], r => ExcelFile.Safe(r.NomineeName)),
            (rules["Field.Summary"], r => ExcelFile.Safe(r.Summary)),
            (rules["Field.Stage"], r => labels.Of(r.Stage)),
            (rules["Field.Findings"], r => ExcelFile.Safe(r.Findings)),
            (text["Col.ConcludedOn"], r => r.ConcludedOn is { } d ? DateText.Format(d) : null),
        ], ct);
    }
}
