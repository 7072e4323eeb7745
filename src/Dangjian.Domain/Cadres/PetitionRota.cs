using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>One petition received on a rota day: what it was about, how many came, what was done, and whether it is settled.</summary>
public sealed class PetitionCase
{
    public const int MaxSummaryLength = 500;
    public const int MaxHandlingLength = 2000;
    public const int MaxPetitioners = 1000;

    public int Id { get; set; }

    public int RotaDayId { get; set; }

    public string Summary { get; set; } = string.Empty;

    public int Petitioners { get; set; }

    public string? Handling { get; set; }

    public bool Resolved { get; set; }
}

/// <summary>
/// One day of a township's petition-receiving rota (定点接访): the team member on duty that day and the cases received.
/// Seed 004, 三 (五): "推广邱隘镇每天确定一名班子成员接待上访群众、协调解决信访问题的做法" — one member a day.
/// </summary>
public sealed class RotaDay : IVersioned
{
    public int Id { get; set; }

    /// <summary>The township whose rota it is.</summary>
    public int OrganizationId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>The team member on duty.</summary>
    public int PersonId { get; set; }

    public List<PetitionCase> Cases { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Puts a member on duty on a sane day the township's rota (<paramref name="organizationsDays"/>) has not filled yet.</summary>
    public static RotaDay Schedule(int organizationId, DateOnly day, int personId, IEnumerable<RotaDay> organizationsDays)
    {
        ArgumentNullException.ThrowIfNull(organizationsDays);
        SaneDates.Demand(day, "day", "Field.Cadre.RotaDay");
        if (organizationsDays.Any(d => d.OrganizationId == organizationId && d.Day == day))
        {
            throw new DomainRuleException("Cadre.RotaDayTwice", "day", DateText.Format(day));
        }

        return new() { OrganizationId = organizationId, Day = day, PersonId = personId };
    }

    /// <summary>Hands the day to another member: only before the day (a day served stays with who served it).</summary>
    public void Reassign(int personId, DateOnly today)
    {
        if (Day <= today)
        {
            throw new DomainRuleException("Cadre.RotaDayServed", "personId");
        }

        PersonId = personId;
    }

    /// <summary>Records a case received on the day: not before the day comes, a summary, 1 to <see cref="PetitionCase.MaxPetitioners"/> petitioners.</summary>
    public PetitionCase AddCase(string? summary, int petitioners, string? handling, bool resolved, DateOnly today)
    {
        if (today < Day)
        {
            throw new DomainRuleException("Cadre.CaseBeforeDay", "day", DateText.Format(Day));
        }

        var what = TextInput.Required(summary, PetitionCase.MaxSummaryLength, "summary", "Field.Cadre.CaseSummary");
        var done = TextInput.Optional(handling, PetitionCase.MaxHandlingLength, "handling", "Field.Cadre.CaseHandling");
        if (petitioners < 1 || petitioners > PetitionCase.MaxPetitioners)
        {
            throw new DomainRuleException("Input.OutOfRange", "petitioners", "Field.Cadre.Petitioners", 1, PetitionCase.MaxPetitioners);
        }

        var c = new PetitionCase { RotaDayId = Id, Summary = what, Petitioners = petitioners, Handling = done, Resolved = resolved };
        Cases.Add(c);
        return c;
    }
}
