using Dangjian.Domain.People;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.People;

/// <summary>
/// A person's form, API request or roster row read into a record: the texts trimmed and measured, the organization
/// named, and the record's rules (<see cref="PersonRules"/>: the ID number, status, birth and the 18-year rule) applied,
/// so one rule gives one message everywhere (ORG-3, ORG-6).
/// </summary>
public static class PersonInput
{
    public const int MaxPhoneLength = 20;
    public const int MaxShortText = 20;

    /// <summary>Checks and normalizes a request; errors are added under the request's field names.</summary>
    public static Person? Check(PersonRequest r, DateOnly today, FieldErrors errors)
    {
        var before = errors.Items.Count;
        var name = errors.Text("name", "Field.PersonName", r.Name, Person.MaxNameLength);
        var (facts, problems) = PersonRules.Check(new PersonFacts(r.IdNumber, r.Gender, r.BirthDate, r.Status, r.JoinedPartyOn, r.FullMemberOn), today);
        errors.AddAll(problems);
        if (r.OrganizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Organization");
        }

        var phone = errors.Text("phone", "Field.Phone", r.Phone, MaxPhoneLength, required: false);
        if (phone.Length > 0 && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
        {
            errors.Add("phone", "Input.Invalid", "Field.Phone");
        }

        var ethnicity = errors.Text("ethnicity", "Field.Ethnicity", r.Ethnicity, MaxShortText, required: false);
        var education = errors.Text("education", "Field.Education", r.Education, MaxShortText, required: false);
        var workplace = errors.Text("workplace", "Field.Workplace", r.Workplace, Person.MaxTextLength, required: false);

        if (errors.Items.Count > before)
        {
            return null;
        }

        var person = new Person
        {
            Name = name,
            OrganizationId = r.OrganizationId!.Value,
            Phone = NullIfEmpty(phone),
            Ethnicity = NullIfEmpty(ethnicity),
            Education = NullIfEmpty(education),
            Workplace = NullIfEmpty(workplace),
            IsCadre = r.IsCadre,
        };
        person.Record(facts, today);
        return person;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
