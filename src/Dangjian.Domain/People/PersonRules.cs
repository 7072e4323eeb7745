using Dangjian.Domain.Common;

namespace Dangjian.Domain.People;

/// <summary>What the rules of a person's record look at: the ID number, sex, birth, status and the day they joined the Party.</summary>
public sealed record PersonFacts(string? IdNumber, Gender? Gender, DateOnly? BirthDate, MemberStatus? Status, DateOnly? JoinedPartyOn);

/// <summary>
/// The rules of a person's record (ORG-3, ORG-6), the same for the form, the API and the roster import:
/// <list type="bullet">
/// <item>a valid ID number (GB 11643) fixes the birth date and sex, which may be left out and may not contradict it;</item>
/// <item>a member (正式 or 预备) has an ID number and the day they joined the Party; a resident (群众) has no join day;</item>
/// <item>nobody is born after today or before <see cref="SaneDates.MinDay"/>, and every day is within <see cref="SaneDates"/>;</item>
/// <item>nobody joins the Party before their eighteenth birthday (党章 第一条: 年满十八岁的中国工人、农民、军人、知识分子和
/// 其他社会阶层的先进分子 … 可以申请加入中国共产党), nor after today.</item>
/// </list>
/// </summary>
public static class PersonRules
{
    /// <summary>党章 第一条: 年满十八岁.</summary>
    public const int JoiningAge = 18;

    /// <summary>The first day someone born on <paramref name="birth"/> may join the Party: their eighteenth birthday.</summary>
    public static DateOnly EarliestJoinDate(DateOnly birth) => SaneDates.AddYearsClamped(birth, JoiningAge);

    /// <summary>
    /// Checks a record and completes it: the ID number normalized, birth date and sex taken from it where left out, no
    /// join day for a resident. Every problem is named under its field (a day outside <see cref="SaneDates"/> once, and
    /// checked no further).
    /// </summary>
    public static (PersonFacts Facts, IReadOnlyList<FieldProblem> Problems) Check(PersonFacts given, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<FieldProblem>();
        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(given.IdNumber))
        {
            idNumber = IdNumber.Normalize(given.IdNumber);
            var error = IdNumber.Validate(idNumber, today);
            if (error != IdNumberError.None)
            {
                problems.Add(new("idNumber", "IdNumber." + error));
            }
        }

        if (given.Status is not { } status || !Enum.IsDefined(status))
        {
            problems.Add(new("status", "Input.Required", "Field.Status"));
            status = default;
        }

        if (status.IsMember() && idNumber is null)
        {
            problems.Add(new("idNumber", "Input.Required", "Field.IdNumber"));
        }

        var birthSane = Sane(problems, "birthDate", "Field.BirthDate", given.BirthDate);
        var joinSane = Sane(problems, "joinedPartyOn", "Field.JoinedPartyOn", given.JoinedPartyOn);
        var gender = given.Gender;
        var birth = birthSane ? given.BirthDate : null;
        if (idNumber is not null && IdNumber.IsValid(idNumber, today))
        {
            gender ??= IdNumber.GenderOf(idNumber);
            birth ??= IdNumber.BirthDateOf(idNumber);
            if (gender != IdNumber.GenderOf(idNumber))
            {
                problems.Add(new("gender", "Person.GenderMismatch"));
            }

            if (birthSane && birth != IdNumber.BirthDateOf(idNumber))
            {
                problems.Add(new("birthDate", "Person.BirthDateMismatch"));
            }
        }

        if (gender is not { } g || !Enum.IsDefined(g))
        {
            problems.Add(new("gender", "Input.Required", "Field.Gender"));
        }

        if (birth is { } b && (b > today || b < SaneDates.MinDay))
        {
            problems.Add(new("birthDate", "Input.BadDate", "Field.BirthDate"));
        }

        if (status.IsMember() && given.JoinedPartyOn is null)
        {
            problems.Add(new("joinedPartyOn", "Input.Required", "Field.JoinedPartyOn"));
        }
        else if (joinSane && given.JoinedPartyOn is { } j && (j > today || (birth is { } bd && j < EarliestJoinDate(bd))))
        {
            problems.Add(new("joinedPartyOn", "Person.JoinedTooEarly"));
        }

        if (!status.IsMember() && given.JoinedPartyOn is not null)
        {
            problems.Add(new("joinedPartyOn", "Person.ResidentHasJoinDate"));
        }

        return (new PersonFacts(idNumber, gender, birth, status, status.IsMember() ? given.JoinedPartyOn : null), problems);
    }

    private static bool Sane(List<FieldProblem> problems, string field, string label, DateOnly? day)
    {
        if (day is { } d && !SaneDates.Contains(d))
        {
            problems.Add(new(field, SaneDates.OutOfRange, label, SaneDates.MinText, SaneDates.MaxText));
            return false;
        }

        return true;
    }
}
