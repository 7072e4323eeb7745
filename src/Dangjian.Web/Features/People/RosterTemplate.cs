using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.People;

/// <summary>
/// The roster template (ORG-6): the import's columns with headers in the caller's language and one example
/// row with a valid ID number and, where the caller may write to one, a real organization code.
/// </summary>
public sealed class RosterTemplate(ScopeService scopes, EnumLabels labels, IStringLocalizer<PeopleText> text)
{
    /// <summary>A made-up ID number that passes the check (region 110105, born 1985-03-04, male).</summary>
    public static readonly string ExampleIdNumber = "11010519850304123" + IdNumber.CheckCharacter("11010519850304123");

    /// <summary>The example row's name in every language the template is given in.</summary>
    public static IReadOnlySet<string> ExampleNames(IStringLocalizer<PeopleText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var current = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in HostSetup.Cultures)
            {
                CultureInfo.CurrentUICulture = culture;
                names.Add(text["Example.Name"].Value);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }

        return names;
    }

    /// <summary>
    /// Whether a roster row is the template's example left in the file: its name (in any language) or its made-up ID
    /// number. Imported, it would put a fictional person on the roster.
    /// </summary>
    public static bool IsExample(string? name, string? idNumber, IReadOnlySet<string> exampleNames)
    {
        ArgumentNullException.ThrowIfNull(exampleNames);
        return (name is not null && exampleNames.Contains(name.Trim()))
            || (idNumber is not null && IdNumber.Normalize(idNumber) == ExampleIdNumber);
    }

    public async Task<byte[]> BuildAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.PeopleImport, ct);
        var code = await orgs.Where(o => o.Status == OrganizationStatus.Active && o.Kind == OrganizationKind.Branch)
            .OrderBy(o => o.Path).Select(o => o.Code).FirstOrDefaultAsync(ct) ?? "0000";
        var birth = IdNumber.BirthDateOf(ExampleIdNumber)!.Value;
        var example = new Dictionary<RosterColumn, object?>
        {
            [RosterColumn.Name] = text["Example.Name"].Value,
            [RosterColumn.Gender] = labels.Of(IdNumber.GenderOf(ExampleIdNumber)),
            [RosterColumn.IdNumber] = ExampleIdNumber,
            [RosterColumn.BirthDate] = DateText.Format(birth),
            [RosterColumn.Status] = labels.Of(MemberStatus.Full),
            [RosterColumn.JoinedPartyOn] = DateText.Format(birth.AddYears(25)),
            [RosterColumn.FullMemberOn] = DateText.Format(PersonRules.EarliestFullMemberDate(birth.AddYears(25))),
            [RosterColumn.IsCadre] = text["Cadre.No"].Value,
            [RosterColumn.OrganizationCode] = code,
            [RosterColumn.Phone] = "13800000000",
            [RosterColumn.Ethnicity] = text["Example.Ethnicity"].Value,
            [RosterColumn.Education] = text["Example.Education"].Value,
            [RosterColumn.Workplace] = text["Example.Workplace"].Value,
            [RosterColumn.DuesCategory] = labels.Of(DuesCategory.Salaried),
            [RosterColumn.DuesBase] = 4200m,
        };

        var row = RosterColumns.All.ToDictionary(c => text[RosterColumns.ResourceKey(c)].Value, c => example[c]);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { row }, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
