using Dangjian.Domain.Common;

namespace Dangjian.Domain.People;

/// <summary>
/// What the rules of a person's record look at: the ID number, sex, birth, status, the day they joined the Party (the branch
/// meeting that admitted them as a probationary member) and the day they became a full member (转正).
/// </summary>
public sealed record PersonFacts(string? IdNumber, Gender? Gender, DateOnly? BirthDate, MemberStatus? Status, DateOnly? JoinedPartyOn, DateOnly? FullMemberOn = null);

/// <summary>
/// The rules of a person's record (ORG-3, ORG-6), the same for the form, the API and the roster import:
/// <list type="bullet">
/// <item>a valid ID number (GB 11643) fixes the birth date and sex, which may be left out and may not contradict it;</item>
/// <item>a member (正式 or 预备) has an ID number and the day they joined the Party; a resident (群众) has no join day;</item>
/// <item>nobody is born after today or before <see cref="SaneDates.MinDay"/>, and every day is within <see cref="SaneDates"/>;</item>
/// <item>nobody joins the Party before their eighteenth birthday (党章 第一条: 年满十八岁的中国工人、农民、军人、知识分子和
/// 其他社会阶层的先进分子 … 可以申请加入中国共产党), nor after today;</item>
/// <item>a full member (正式) may have the day they became one (转正; unknown for records kept before it), a probationary
/// member (预备) and a resident have none; it is no earlier than a year after joining and no later than two years after, nor after today (党章 第七条: 预备党员的预备期为一年 …
/// 需要继续考察和教育的，可以延长预备期，但不能超过一年; 预备党员的预备期，从支部大会通过他为预备党员之日算起).</item>
/// </list>
/// </summary>
public static class PersonRules
{
    /// <summary>党章 第一条: 年满十八岁.</summary>
    public const int JoiningAge = 18;

    /// <summary>党章 第七条: 预备党员的预备期为一年.</summary>
    public const int ProbationYears = 1;

    /// <summary>党章 第七条: 可以延长预备期，但不能超过一年 — so at most two years in all.</summary>
    public const int MaxProbationYears = 2;

    /// <summary>The first day someone who joined on <paramref name="joined"/> may become a full member: a year on (党章 第七条).</summary>
    public static DateOnly EarliestFullMemberDate(DateOnly joined) => SaneDates.AddYearsClamped(joined, ProbationYears);

    /// <summary>The last day someone who joined on <paramref name="joined"/> may become a full member: two years on, the probation extended once by the most allowed (党章 第七条).</summary>
    public static DateOnly LatestFullMemberDate(DateOnly joined) => SaneDates.AddYearsClamped(joined, MaxProbationYears);

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
        var fullSane = Sane(problems, "fullMemberOn", "Field.FullMemberOn", given.FullMemberOn);
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

        CheckFullMemberOn(problems, status, joinSane ? given.JoinedPartyOn : null, given.FullMemberOn, fullSane, today);
        return (new PersonFacts(idNumber, gender, birth, status, status.IsMember() ? given.JoinedPartyOn : null, status == MemberStatus.Full ? given.FullMemberOn : null), problems);
    }

    /// <summary>
    /// 转正 (党章 第七条): a full member's day, when known, is between a year and two years after joining and not after
    /// today; a probationary member or a resident has none.
    /// </summary>
    private static void CheckFullMemberOn(List<FieldProblem> problems, MemberStatus status, DateOnly? joined, DateOnly? fullMemberOn, bool sane, DateOnly today)
    {
        if (status != MemberStatus.Full)
        {
            if (fullMemberOn is not null)
            {
                problems.Add(new("fullMemberOn", "Person.FullMemberOnNotFull"));
            }

            return;
        }

        if (fullMemberOn is not { } full)
        {
            // Not known: the rosters kept before this field, and members transferred in with incomplete files, have no
            // day to give, and refusing them would block every edit of their record. A day given is held to the rule.
            return;
        }

        if (!sane)
        {
            return;
        }

        if (full > today)
        {
            problems.Add(new("fullMemberOn", "Person.FullMemberInFuture"));
        }
        else if (joined is { } j && full < EarliestFullMemberDate(j))
        {
            problems.Add(new("fullMemberOn", "Person.FullMemberTooEarly", ProbationYears));
        }
        else if (joined is { } k && full > LatestFullMemberDate(k))
        {
            problems.Add(new("fullMemberOn", "Person.FullMemberTooLate", MaxProbationYears));
        }
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
