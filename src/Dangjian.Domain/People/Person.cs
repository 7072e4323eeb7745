using Dangjian.Domain.Common;

namespace Dangjian.Domain.People;

/// <summary>
/// A person on a roster (ORG-3): a party member (正式/预备) or a resident (群众). A person belongs to
/// one organization (组织关系所在); positions in leadership teams are held separately (one person may hold several).
/// </summary>
public sealed class Person : IVersioned
{
    public const int MaxNameLength = 50;
    public const int MaxTextLength = 100;

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Gender Gender { get; set; }

    /// <summary>公民身份号码; unique; shown masked except to district admins; masked in the audit log.</summary>
    [AuditMasked]
    public string? IdNumber { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>民族</summary>
    public string? Ethnicity { get; set; }

    /// <summary>学历</summary>
    public string? Education { get; set; }

    public string? Phone { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>入党日期 (members).</summary>
    public DateOnly? JoinedPartyOn { get; set; }

    /// <summary>转正日期: the day a probationary member became a full member; full members only (<see cref="PersonRules"/>, 党章 第七条).</summary>
    public DateOnly? FullMemberOn { get; set; }

    /// <summary>干部: the person is a cadre (a leader or official of a Party or state body, enterprise or institution), member or not.</summary>
    public bool IsCadre { get; set; }

    /// <summary>The organization whose roll the person is on.</summary>
    public int OrganizationId { get; set; }

    /// <summary>工作单位及职务</summary>
    public string? Workplace { get; set; }

    /// <summary>Soft-deleted (转出/去世/出党…): kept with history; off every roster.</summary>
    public bool IsRemoved { get; set; }

    public int Version { get; set; }

    /// <summary>The facts <see cref="PersonRules"/> look at, as recorded.</summary>
    public PersonFacts Facts() => new(IdNumber, Gender, BirthDate, Status, JoinedPartyOn, FullMemberOn);

    /// <summary>
    /// Records the ID number, sex, birth, status, join day and 转正 day — a change of status (入党, 转正, …) among them — once
    /// <see cref="PersonRules"/> accept them together; refused, naming every problem, otherwise.
    /// </summary>
    public void Record(PersonFacts facts, DateOnly today)
    {
        var (checkedFacts, problems) = PersonRules.Check(facts, today);
        DomainRuleException.ThrowIfAny(problems);
        IdNumber = checkedFacts.IdNumber;
        Gender = checkedFacts.Gender!.Value;
        BirthDate = checkedFacts.BirthDate;
        Status = checkedFacts.Status!.Value;
        JoinedPartyOn = checkedFacts.JoinedPartyOn;
        FullMemberOn = checkedFacts.FullMemberOn;
    }
}
