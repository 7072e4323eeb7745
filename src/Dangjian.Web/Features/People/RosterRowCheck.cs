using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.People;

/// <summary>What a roster's dues columns are checked against: the rates, the month the profiles start, who imports and when.</summary>
internal sealed record RosterDues(DuesRates Rates, DateOnly FromMonth, string By, DateTimeOffset Now);

/// <summary>A clean row: the person, and their dues profile when the row gave one (its person id is set once the person is saved).</summary>
internal sealed record RosterPerson(Person Person, DuesProfile? Dues);

/// <summary>An organization a roster row names by code, as found in the database.</summary>
internal sealed record RosterOrganization(int Id, string Path, OrganizationStatus Status);

/// <summary>
/// Checks the rows read from a roster as the person form would (<see cref="PersonInput"/>), plus what only a file can
/// get wrong: the same ID number on two rows, ID numbers already on a roster, organization codes unknown or outside
/// the uploader's write scope. What it needs from the database is looked up first and passed in.
/// </summary>
internal static class RosterRowCheck
{
    /// <summary>Normalizes each draft's valid ID number and gives the rows on which each number appears.</summary>
    public static RosterIdRows IdNumbers(RosterSheet sheet, DateOnly today)
    {
        var rowsById = new RosterIdRows();
        foreach (var d in sheet.Drafts)
        {
            if (!d.IsBad(RosterColumn.IdNumber) && !string.IsNullOrWhiteSpace(d.IdNumber) && IdNumber.Normalize(d.IdNumber) is var id && IdNumber.IsValid(id, today))
            {
                d.NormalizedId = id == d.IdNumber ? d.IdNumber : id; // one string per row, not two, when already normal
                rowsById.Add(id, d.Row);
            }
        }

        return rowsById;
    }

    /// <summary>
    /// The people the clean rows describe; every problem goes into <paramref name="report"/>. It consumes the sheet: the
    /// drafts are gone from <paramref name="sheet"/> afterwards.
    /// </summary>
    public static List<RosterPerson> Check(
        RosterSheet sheet,
        Scope scope,
        DateOnly today,
        IReadOnlyDictionary<string, RosterOrganization> organizations,
        RosterIdRows rowsById,
        HashSet<string> taken,
        RosterDues dues,
        RosterReport report,
        IStringLocalizer<PeopleText> text)
    {
        var examples = RosterTemplate.ExampleNames(text);
        var people = new List<RosterPerson>(sheet.Drafts.Count);
        for (var i = 0; i < sheet.Drafts.Count; i++)
        {
            // Each draft is let go once checked: a province's million drafts and people are never all held at once.
            var d = sheet.Drafts[i];
            sheet.Drafts[i] = null!;
            if (RosterTemplate.IsExample(d.Name, d.IdNumber, examples))
            {
                // The template's example row left in: it would import as a real person. Name it and nothing else.
                d.Fail(RosterColumn.Name, sheet.HeaderOf(RosterColumn.Name, text), "Import.SampleRow", d.Name?.Trim() ?? string.Empty);
                report.AddAll(d);
                continue;
            }

            int? organizationId = null;
            if (string.IsNullOrEmpty(d.OrganizationCode))
            {
                if (!d.IsBad(RosterColumn.OrganizationCode))
                {
                    d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Input.Required", "Field.Code");
                }
            }
            else if (!Organization.IsValidCode(d.OrganizationCode))
            {
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), Organization.CodeFormatRule, Organization.MinCodeLength, Organization.MaxCodeLength);
            }
            else if (!organizations.TryGetValue(d.OrganizationCode, out var org) || !scope.Allows(Permission.PeopleImport, org.Path))
            {
                // Unknown and outside the uploader's scope read alike: the file learns nothing of other townships.
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Input.UnknownOrganization");
            }
            else if (org.Status != OrganizationStatus.Active)
            {
                d.Fail(RosterColumn.OrganizationCode, sheet.HeaderOf(RosterColumn.OrganizationCode, text), "Person.OrganizationDissolved");
            }
            else
            {
                organizationId = org.Id;
            }

            var errors = new FieldErrors();
            var request = new PersonRequest(
                d.Name, d.IsBad(RosterColumn.IdNumber) ? null : d.IdNumber, d.Gender, d.BirthDate, d.Status, d.JoinedPartyOn,
                organizationId ?? 0, d.Phone, d.Ethnicity, d.Education, d.Workplace, FullMemberOn: d.IsBad(RosterColumn.FullMemberOn) ? null : d.FullMemberOn, IsCadre: d.IsCadre);
            var person = PersonInput.Check(request, today, errors);
            foreach (var e in errors.Items)
            {
                // An unreadable status would make PersonRules guess "member" and ask for member-only fields.
                if (d.IsBad(RosterColumn.Status) && e.Code is "Input.Required" or "Person.ResidentHasJoinDate" or "Person.FullMemberOnNotFull" && e.Field is "idNumber" or "joinedPartyOn" or "fullMemberOn")
                {
                    continue;
                }

                // A bad ID number is the one thing to fix: sex and birth date then come from it.
                var idBad = d.IsBad(RosterColumn.IdNumber) || errors.Items.Any(x => x.Field == "idNumber");
                if (idBad && e.Field is "gender" && e.Code == "Input.Required")
                {
                    continue;
                }

                if (RosterColumns.ForField(e.Field) is { } column && !d.IsBad(column))
                {
                    d.Fail(column, sheet.HeaderOf(column, text), e.Code, e.Arguments);
                }
            }

            if (d.NormalizedId is { } idNumber && !d.IsBad(RosterColumn.IdNumber))
            {
                var header = sheet.HeaderOf(RosterColumn.IdNumber, text);
                var others = rowsById.Others(idNumber, d.Row);
                if (others.Count > 0)
                {
                    var named = string.Join(", ", others.Take(5).Select(r => r.ToString(CultureInfo.InvariantCulture))) + (others.Count > 5 ? ", …" : string.Empty);
                    d.Fail(RosterColumn.IdNumber, header, "Import.DuplicateInFile", named);
                }
                else if (taken.Contains(idNumber))
                {
                    d.Fail(RosterColumn.IdNumber, header, "IdNumber.Duplicate");
                }
            }

            var profile = Dues(d, sheet, person, dues, text);
            report.AddAll(d);
            if (person is not null && !d.HasErrors)
            {
                people.Add(new RosterPerson(person, profile));
            }
        }

        return people;
    }

    /// <summary>
    /// The dues profile the row's optional dues columns give (DUE-1), checked by the same entity rule as a profile set on
    /// the person page: a category with a base (salaried, retired) or a farmer's amount in the base column; a resident
    /// owes no dues. Null when both cells are empty or one is bad (then the cell is named).
    /// </summary>
    private static DuesProfile? Dues(RosterDraft d, RosterSheet sheet, Person? person, RosterDues dues, IStringLocalizer<PeopleText> text)
    {
        if (d.IsBad(RosterColumn.DuesCategory) || d.IsBad(RosterColumn.DuesBase) || (d.DuesCategory is null && d.DuesBase is null))
        {
            return null;
        }

        var categoryHeader = sheet.HeaderOf(RosterColumn.DuesCategory, text);
        if (d.DuesCategory is not { } category)
        {
            d.Fail(RosterColumn.DuesCategory, categoryHeader, "Input.Required", "Field.Dues.Category");
            return null;
        }

        if (person is not null && !person.Status.IsMember())
        {
            // 中组发〔2008〕3号: dues are paid by Party members; a resident on the roster owes none.
            d.Fail(RosterColumn.DuesCategory, categoryHeader, "Dues.NotAMember");
            return null;
        }

        var bracket = DuesRates.IsBracketCategory(category);
        try
        {
            return DuesProfile.Create(0, category, bracket ? d.DuesBase : null, bracket ? null : d.DuesBase, dues.FromMonth, dues.Rates, dues.By, dues.Now);
        }
        catch (DomainRuleException e)
        {
            foreach (var p in e.Problems)
            {
                var column = p.Field == "category" ? RosterColumn.DuesCategory : RosterColumn.DuesBase;
                if (!d.IsBad(column))
                {
                    d.Fail(column, sheet.HeaderOf(column, text), p.Code, p.Arguments);
                }
            }

            return null;
        }
    }
}
