using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Study.Compliance;

/// <summary>The compliance list as .xlsx, with the page's filter: one row per person and requirement, the same figures the page shows.</summary>
public sealed class StudyComplianceExport(StudyComplianceQueries queries, IStringLocalizer<StudyComplianceText> text)
{
    public async Task<byte[]> ExportAsync(int? organizationId, DateOnly? asOf, bool shortfallsOnly, CancellationToken ct = default)
    {
        var (_, day, people) = await queries.AllAsync(organizationId, asOf, shortfallsOnly, ct);
        var rows = people.SelectMany(p => (p.Requirements.Count == 0 ? [null] : p.Requirements.Select(r => (StudyRequirementView?)r)).Select(r => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(p.Name),
            [text["Col.Organization"]] = ExcelFile.Safe(p.OrganizationName),
            [text["Col.Role"]] = text[$"Role.{p.Role}"].Value,
            [text["Col.Requirement"]] = r is null ? null : StudyComplianceLabels.Requirement(text, r.Kind, r.Per),
            [text["Col.Min"]] = r?.Min,
            [text["Col.Done"]] = r?.Done,
            [text["Col.Missing"]] = r?.Missing,
            [text["Col.Progress"]] = r is null ? null : text[$"Progress.{r.Progress}"].Value,
            [text["Col.Exam"]] = text[$"ExamState.{p.Exam}"].Value,
            [text["Col.Credits"]] = p.Credits,
            [text["Col.CreditMinimum"]] = p.CreditMinimum,
            [text["Col.AsOf"]] = DateText.Format(day),
        }));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}

/// <summary>How a requirement is named on the pages and in the export: its kind and period ("中心组学习（每年）").</summary>
public static class StudyComplianceLabels
{
    public static string Requirement(IStringLocalizer<StudyComplianceText> text, string kind, Domain.Study.StudyPer per)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text[$"Kind.{kind}"];
        return text["RequirementLabel", name.ResourceNotFound ? kind : name.Value, text[$"Per.{per}"].Value];
    }
}
