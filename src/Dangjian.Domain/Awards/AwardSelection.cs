using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Awards;

public enum AwardSelectionStatus
{
    /// <summary>推荐: nominations are taken.</summary>
    Nominating,

    /// <summary>资格审查: every nomination checked, each Eligible or Refused with its reasons.</summary>
    Checked,

    /// <summary>确定人选: the chosen, within the quotas.</summary>
    Decided,

    /// <summary>公示: the chosen are shown publicly; objections are taken.</summary>
    Publicity,

    /// <summary>表彰: the awards are recorded.</summary>
    Awarded,
}

/// <summary>
/// A 评先评优 selection (EVA-11, 创先争优 of seed 002): an organization's selection of a year's advanced organizations,
/// excellent members and excellent party workers (e.g. 2026年度"两优一先"), with a quota per category. Nominating → Checked
/// (eligibility of <see cref="AwardEligibility"/>) → Decided (within the quotas) → Publicity (公示, objections) → Awarded.
/// </summary>
public sealed class AwardSelection : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxQuota = 1000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public int Id { get; set; }

    /// <summary>The organization running it; scope follows it and nominees come from its subtree.</summary>
    public int OrganizationId { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = string.Empty;

    public int OrganizationQuota { get; set; }

    public int MemberQuota { get; set; }

    public int PartyWorkerQuota { get; set; }

    public AwardSelectionStatus Status { get; set; }

    /// <summary>公示 period, dates inclusive.</summary>
    public DateOnly? PublicityFrom { get; set; }

    public DateOnly? PublicityTo { get; set; }

    public DateOnly? AwardedOn { get; set; }

    public List<Nomination> Nominations { get; set; } = [];

    public List<AwardObjection> Objections { get; set; } = [];

    public int Version { get; set; }

    public static AwardSelection Open(int organizationId, int year, string title, int organizationQuota, int memberQuota, int partyWorkerQuota)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Award.Organization");
        }

        if (year is < MinYear or > MaxYear)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Award.Year", MinYear, MaxYear);
        }

        var name = TextInput.Required(title, MaxTitleLength, "title", "Field.Award.Title");
        Quota(organizationQuota, "organizationQuota", "Field.Award.OrganizationQuota");
        Quota(memberQuota, "memberQuota", "Field.Award.MemberQuota");
        Quota(partyWorkerQuota, "partyWorkerQuota", "Field.Award.PartyWorkerQuota");
        if (organizationQuota + memberQuota + partyWorkerQuota == 0)
        {
            throw new DomainRuleException("Award.NoQuota", "memberQuota");
        }

        return new()
        {
            OrganizationId = organizationId, Year = year, Title = name,
            OrganizationQuota = organizationQuota, MemberQuota = memberQuota, PartyWorkerQuota = partyWorkerQuota,
        };
    }

    public int QuotaOf(AwardCategory category) => category switch
    {
        AwardCategory.AdvancedOrganization => OrganizationQuota,
        AwardCategory.ExcellentMember => MemberQuota,
        _ => PartyWorkerQuota,
    };

    /// <summary>
    /// A nomination while Nominating: a person for 优秀共产党员/优秀党务工作者, an organization for 先进基层党组织, once per category,
    /// in a category with a quota, with a statement of deeds (事迹).
    /// </summary>
    public Nomination Nominate(AwardCategory category, int? personId, int? nomineeOrganizationId, string nomineeName, string nominatedBy, string statement)
    {
        Demand(AwardSelectionStatus.Nominating);
        if (!Enum.IsDefined(category))
        {
            throw new DomainRuleException("Input.Invalid", "category", "Field.Award.Category");
        }

        var isOrganization = category == AwardCategory.AdvancedOrganization;
        if (isOrganization ? nomineeOrganizationId is not > 0 : personId is not > 0)
        {
            throw new DomainRuleException("Input.Required", isOrganization ? "nomineeOrganizationId" : "personId", isOrganization ? "Field.Award.NomineeOrganization" : "Field.Award.Person");
        }

        if (QuotaOf(category) == 0)
        {
            throw new DomainRuleException("Award.CategoryWithoutQuota", "category");
        }

        if (Nominations.Any(n => n.Category == category && (isOrganization ? n.NomineeOrganizationId == nomineeOrganizationId : n.PersonId == personId)))
        {
            throw new DomainRuleException("Award.AlreadyNominated", isOrganization ? "nomineeOrganizationId" : "personId");
        }

        var nomination = new Nomination
        {
            Category = category,
            PersonId = isOrganization ? null : personId,
            NomineeOrganizationId = isOrganization ? nomineeOrganizationId : null,
            NomineeName = TextInput.Required(nomineeName, Nomination.MaxNameLength, "nomineeName", "Field.Award.Nominee"),
            NominatedBy = TextInput.Required(nominatedBy, Nomination.MaxNameLength, "nominatedBy", "Field.Award.NominatedBy"),
            Statement = TextInput.Required(statement, Nomination.MaxStatementLength, "statement", "Field.Award.Statement"),
        };
        Nominations.Add(nomination);
        return nomination;
    }

    /// <summary>
    /// 资格审查: Nominating (or Checked, to check again after facts changed) → Checked, each nomination Eligible or Refused with
    /// the reasons <paramref name="refusals"/> gives for it (keyed by nomination id; a nomination missing from it is refused as
    /// an error of the caller). Refused without nominations.
    /// </summary>
    public void RecordCheck(IReadOnlyDictionary<int, IReadOnlyList<AwardRefusal>> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        Demand(AwardSelectionStatus.Nominating, AwardSelectionStatus.Checked);
        if (Nominations.Count == 0)
        {
            throw new DomainRuleException("Award.NoNominations", "nominations");
        }

        foreach (var n in Nominations)
        {
            if (!refusals.TryGetValue(n.Id, out var reasons))
            {
                throw new ArgumentException($"no check for nomination {n.Id}", nameof(refusals));
            }

            n.Eligibility = reasons.Count == 0 ? NominationEligibility.Eligible : NominationEligibility.Refused;
            n.Refusals = [.. reasons.Select(r => r.ToString())];
            n.Chosen = false;
        }

        Status = AwardSelectionStatus.Checked;
    }

    /// <summary>
    /// 确定人选: Checked → Decided with <paramref name="chosenIds"/>, each an eligible nomination of this selection, at most the
    /// quota of each category (the quota itself accepted, one more refused), at least one.
    /// </summary>
    public void Decide(IReadOnlyCollection<int> chosenIds)
    {
        ArgumentNullException.ThrowIfNull(chosenIds);
        Demand(AwardSelectionStatus.Checked);
        if (chosenIds.Count == 0)
        {
            throw new DomainRuleException("Award.NoneChosen", "chosen");
        }

        var chosen = new List<Nomination>();
        foreach (var id in chosenIds.Distinct())
        {
            var n = Nominations.FirstOrDefault(x => x.Id == id) ?? throw new DomainRuleException("Award.UnknownNomination", "chosen", id);
            if (n.Eligibility != NominationEligibility.Eligible)
            {
                throw new DomainRuleException("Award.ChosenNotEligible", "chosen", n.NomineeName);
            }

            chosen.Add(n);
        }

        foreach (var g in chosen.GroupBy(n => n.Category))
        {
            if (g.Count() > QuotaOf(g.Key))
            {
                throw new DomainRuleException("Award.OverQuota", "chosen", "AwardCategory." + g.Key, QuotaOf(g.Key));
            }
        }

        foreach (var n in Nominations)
        {
            n.Chosen = chosen.Contains(n);
        }

        Status = AwardSelectionStatus.Decided;
    }

    /// <summary>
    /// 公示: Decided → Publicity from <paramref name="from"/> (not before today) for <see cref="AwardRules.PublicityWorkingDays"/>
    /// working days of the calendar.
    /// </summary>
    public void Publicize(DateOnly from, DateOnly today, HolidayCalendar calendar, AwardRules rules)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        Demand(AwardSelectionStatus.Decided);
        SaneDates.Demand(from, "from", "Field.Award.PublicityFrom");
        if (from < today)
        {
            throw new DomainRuleException("Award.PublicityInPast", "from");
        }

        PublicityFrom = from;
        PublicityTo = PublicityPeriod.LastDay(calendar, from, rules.PublicityWorkingDays);
        Status = AwardSelectionStatus.Publicity;
    }

    /// <summary>An objection (异议) to a chosen nominee during the publicity period (its first and last day included).</summary>
    public AwardObjection FileObjection(int nominationId, string text, string? filedBy, DateOnly today)
    {
        Demand(AwardSelectionStatus.Publicity);
        if (today < PublicityFrom || today > PublicityTo)
        {
            throw new DomainRuleException("Award.NotInPublicity", "text");
        }

        var n = Nominations.FirstOrDefault(x => x.Id == nominationId && x.Chosen)
            ?? throw new DomainRuleException("Input.Invalid", "nominationId", "Field.Award.Nominee");
        var objection = new AwardObjection
        {
            NominationId = n.Id,
            Text = TextInput.Required(text, AwardObjection.MaxTextLength, "text", "Field.Award.ObjectionText"),
            FiledBy = TextInput.Optional(filedBy, Nomination.MaxNameLength, "filedBy", "Field.Award.FiledBy"),
            FiledOn = today,
        };
        Objections.Add(objection);
        return objection;
    }

    /// <summary>
    /// Answers an objection: upheld removes the nominee from the chosen (the award is not made); not upheld keeps them. An
    /// answer is required and an objection is answered once.
    /// </summary>
    public void AnswerObjection(int objectionId, bool upheld, string answer, string by, DateOnly today)
    {
        Demand(AwardSelectionStatus.Publicity);
        var o = Objections.FirstOrDefault(x => x.Id == objectionId) ?? throw new DomainRuleException("Input.Invalid", "objectionId", "Field.Award.Objection");
        if (o.Upheld is not null)
        {
            throw new DomainRuleException("Award.ObjectionAnswered", "objectionId");
        }

        o.Answer = TextInput.Required(answer, AwardObjection.MaxTextLength, "answer", "Field.Award.Answer");
        o.AnsweredBy = TextInput.Required(by, Nomination.MaxNameLength, "answeredBy", "Field.Award.AnsweredBy");
        o.AnsweredOn = today;
        o.Upheld = upheld;
        if (upheld)
        {
            var n = Nominations.First(x => x.Id == o.NominationId);
            n.Chosen = false;
            n.RemovedByObjection = true;
        }
    }

    /// <summary>
    /// 表彰: Publicity → Awarded once the period has ended (the day after its last day, not the last day itself) and every
    /// objection is answered; one <see cref="AwardRecord"/> per nominee still chosen.
    /// </summary>
    public IReadOnlyList<AwardRecord> Award(DateOnly today)
    {
        Demand(AwardSelectionStatus.Publicity);
        if (today <= PublicityTo)
        {
            throw new DomainRuleException("Award.PublicityNotOver", "status", DateText(PublicityTo!.Value));
        }

        if (Objections.Any(o => o.Upheld is null))
        {
            throw new DomainRuleException("Award.ObjectionsOpen", "objections");
        }

        AwardedOn = today;
        Status = AwardSelectionStatus.Awarded;
        return [.. Nominations.Where(n => n.Chosen).Select(n => new AwardRecord
        {
            SelectionId = Id, NominationId = n.Id, AwardingOrganizationId = OrganizationId, Year = Year, Title = Title,
            Category = n.Category, PersonId = n.PersonId, NomineeOrganizationId = n.NomineeOrganizationId, NomineeName = n.NomineeName,
            AwardedOn = today,
        })];
    }

    private static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void Demand(params AwardSelectionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException("Award.WrongStatus", "status", "AwardSelectionStatus." + Status);
        }
    }

    private static void Quota(int value, string field, string label)
    {
        if (value is < 0 or > MaxQuota)
        {
            throw new DomainRuleException("Input.OutOfRange", field, label, 0, MaxQuota);
        }
    }
}

public enum NominationEligibility
{
    /// <summary>Not yet checked.</summary>
    Unchecked,

    Eligible,

    /// <summary>Refused with the reasons in <see cref="Nomination.Refusals"/>.</summary>
    Refused,
}

/// <summary>A nomination (推荐) of a person or an organization for one category, by whom, with the statement of deeds.</summary>
public sealed class Nomination
{
    public const int MaxNameLength = 100;
    public const int MaxStatementLength = 4000;

    public int Id { get; set; }

    public int SelectionId { get; set; }

    public AwardCategory Category { get; set; }

    public int? PersonId { get; set; }

    public int? NomineeOrganizationId { get; set; }

    /// <summary>The nominee's name as of the nomination (shown on the publicity page).</summary>
    public string NomineeName { get; set; } = string.Empty;

    public string NominatedBy { get; set; } = string.Empty;

    public string Statement { get; set; } = string.Empty;

    public NominationEligibility Eligibility { get; set; }

    /// <summary>The refusals, each as <c>Code(arg, …)</c> (<see cref="AwardRefusal.ToString"/>).</summary>
    public List<string> Refusals { get; set; } = [];

    public bool Chosen { get; set; }

    /// <summary>Chosen, then taken off by an upheld objection.</summary>
    public bool RemovedByObjection { get; set; }
}

/// <summary>An objection (异议) filed during publicity, by the public (no name) or staff, and its answer.</summary>
public sealed class AwardObjection
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int SelectionId { get; set; }

    public int NominationId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? FiledBy { get; set; }

    public DateOnly FiledOn { get; set; }

    public bool? Upheld { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateOnly? AnsweredOn { get; set; }
}

/// <summary>An award made (表彰记录): shown on the person's or the organization's page.</summary>
public sealed class AwardRecord
{
    public int Id { get; set; }

    public int SelectionId { get; set; }

    public int NominationId { get; set; }

    /// <summary>The organization that made the award.</summary>
    public int AwardingOrganizationId { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = string.Empty;

    public AwardCategory Category { get; set; }

    public int? PersonId { get; set; }

    public int? NomineeOrganizationId { get; set; }

    public string NomineeName { get; set; } = string.Empty;

    public DateOnly AwardedOn { get; set; }
}
