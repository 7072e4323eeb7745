using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Cadres.Flags;

/// <summary>The flags page as .xlsx (RPT-2), through its own query: each flagged person, their grades by year, the flags, whether in the reserve pool.</summary>
public sealed class FlagExport(FlagQueries queries, IStringLocalizer<FlagsText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, int? throughYear, CancellationToken ct = default)
    {
        var view = await queries.ListAsync(organizationId, throughYear, ct);
        return await ListSheet.SaveAsync<FlaggedPersonView>(text["Sheet.List"], view.People,
        [
            (text["Col.Name"], p => ExcelFile.Safe(p.Name)),
            (text["Col.Organization"], p => ExcelFile.Safe(p.OrganizationName)),
            (text["Col.Grades"], p => Punctuation.JoinList(p.Grades.Select(g => text["YearGrade", g.Year, g.Grade].Value))),
            (text["Col.Flags"], p => Punctuation.JoinList(p.Flags.Select(f => text[$"Flag.{f.Kind}"].Value))),
            (text["InPool"], p => p.InReservePool ? text["InPool"].Value : string.Empty),
        ], ct);
    }
}
