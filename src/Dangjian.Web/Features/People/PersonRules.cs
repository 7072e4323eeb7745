using Dangjian.Domain.Common;
using Dangjian.Domain.People;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.People;

/// <summary>
/// The checks a person's fields must pass, shared by the form, the API and the Excel import, so one
/// rule gives one message everywhere (ORG-3, ORG-6).
/// </summary>
public static class PersonRules
{
    public const int MaxPhoneLength = 20;
    public const int MaxShortText = 20;

    /// <summary>Checks and normalizes a request; errors are added under the request's field names.</summary>
    public static Person? Check(PersonRequest r, DateOnly today, FieldErrors errors)
    {
        var before = errors.Items.Count;
        var name = errors.Text("name", "Field.PersonName", r.Name, Person.MaxNameLength);
        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(r.IdNumber))
        {
            idNumber = IdNumber.Normalize(r.IdNumber);
            var error = IdNumber.Validate(idNumber, today);
            if (error != IdNumberError.None)
            {
                errors.Add("idNumber", "IdNumber." + error);
            }
        }

        if (r.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add("status", "Input.Required", "Field.Status");
            status = default;
        }

        if (status.IsMember() && idNumber is null)
        {
            errors.Add("idNumber", "Input.Required", "Field.IdNumber");
        }

        // A day outside SaneDates is named once and checked no further (its arithmetic could not be done).
        var birthSane = errors.SaneDay("birthDate", "Field.BirthDate", r.BirthDate);
        var joinSane = errors.SaneDay("joinedPartyOn", "Field.JoinedPartyOn", r.JoinedPartyOn);
        var gender = r.Gender;
        var birth = birthSane ? r.BirthDate : null;
        if (idNumber is not null && IdNumber.IsValid(idNumber, today))
        {
            // The ID number fixes birth date and sex; a form that says otherwise is wrong.
            gender ??= IdNumber.GenderOf(idNumber);
            birth ??= IdNumber.BirthDateOf(idNumber);
            if (gender != IdNumber.GenderOf(idNumber))
            {
                errors.Add("gender", "Person.GenderMismatch");
            }

            if (birthSane && birth != IdNumber.BirthDateOf(idNumber))
            {
                errors.Add("birthDate", "Person.BirthDateMismatch");
            }
        }

        if (gender is not { } g || !Enum.IsDefined(g))
        {
            errors.Add("gender", "Input.Required", "Field.Gender");
        }

        if (birth is { } b && (b > today || b.Year < 1900))
        {
            errors.Add("birthDate", "Input.BadDate", "Field.BirthDate");
        }

        if (status.IsMember() && r.JoinedPartyOn is null)
        {
            errors.Add("joinedPartyOn", "Input.Required", "Field.JoinedPartyOn");
        }
        else if (joinSane && r.JoinedPartyOn is { } j && (j > today || (birth is { } bd && j < SaneDates.AddYearsClamped(bd, 18))))
        {
            // 党章 第一条: 年满十八岁 — nobody joins before eighteen.
            errors.Add("joinedPartyOn", "Person.JoinedTooEarly");
        }

        if (!status.IsMember() && r.JoinedPartyOn is not null)
        {
            errors.Add("joinedPartyOn", "Person.ResidentHasJoinDate");
        }

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

        return new Person
        {
            Name = name,
            IdNumber = idNumber,
            Gender = gender!.Value,
            BirthDate = birth,
            Status = status,
            JoinedPartyOn = status.IsMember() ? r.JoinedPartyOn : null,
            OrganizationId = r.OrganizationId!.Value,
            Phone = NullIfEmpty(phone),
            Ethnicity = NullIfEmpty(ethnicity),
            Education = NullIfEmpty(education),
            Workplace = NullIfEmpty(workplace),
        };
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
