using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>The shortfall lists on a day as .xlsx: stays, short weeks of nights, nights found absent, contact points.</summary>
public sealed class GrassrootsExport(GrassrootsQueries queries, IStringLocalizer<GrassrootsText> text)
{
    public async Task<byte[]> ShortfallsAsync(int? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var v = await queries.ShortfallAsync(organizationId, asOf, ct);
        var stays = v.Stays.Select(s => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(s.Name),
            [text["Col.Organization"]] = ExcelFile.Safe(s.OrganizationName),
            [text["Col.StayDays"]] = s.Done,
            [text["Col.Missing"]] = s.Missing,
        }).ToList();
        var nights = v.Nights.SelectMany(n => n.Weeks.Select(w => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(n.Name),
            [text["Col.Organization"]] = ExcelFile.Safe(n.OrganizationName),
            [text["Col.WeekStart"]] = DateText.Format(w.WeekStart),
            [text["Col.Nights"]] = w.Nights,
        })).ToList();
        var absent = v.Absent.Select(a => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(a.Name),
            [text["Col.Night"]] = DateText.Format(a.Night),
            [text["Col.Reported"]] = a.Reported ? text["Yes"].Value : text["No"].Value,
        }).ToList();
        var contacts = v.Contacts.Select(c => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(c.Name),
            [text["Col.MissingEnterprises"]] = c.MissingEnterprises,
            [text["Col.MissingVillages"]] = c.MissingVillages,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [text["Sheet.Stays"]] = stays,
            [text["Sheet.Nights"]] = nights,
            [text["Sheet.Absent"]] = absent,
            [text["Sheet.Contacts"]] = contacts,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
