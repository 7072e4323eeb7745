using Dangjian.Domain.Common;

namespace Dangjian.Domain.Delegates;

/// <summary>Whether a delegate still holds the seat.</summary>
public enum DelegateStatus
{
    /// <summary>在任.</summary>
    Serving,

    /// <summary>代表资格终止 (调离、辞去、去世…), with the day and the reason.</summary>
    Ended,
}

/// <summary>
/// 党代表: a person's seat in a congress term, in one delegation, optionally linked to the election project that elected
/// them. A person holds at most one seat in a term. (The glossary's Delegate: the type is named for the seat because
/// the analyzers (CA1711, CA1716) refuse a type named or ending in "Delegate".)
/// </summary>
public sealed class DelegateSeat : IVersioned
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int TermId { get; set; }

    public int DelegationId { get; set; }

    public int PersonId { get; set; }

    /// <summary>The 换届 project whose election made the person a delegate, when it is recorded here.</summary>
    public int? ElectionProjectId { get; set; }

    public DelegateStatus Status { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    public int Version { get; set; }

    public bool IsServing => Status == DelegateStatus.Serving;

    /// <summary>
    /// Seats <paramref name="personId"/> in <paramref name="delegation"/> of <paramref name="term"/>; refused when the person
    /// already holds a seat in the term (<paramref name="seatedPersonIds"/>: the people with one).
    /// </summary>
    public static DelegateSeat Seat(CongressTerm term, Delegation delegation, int personId, int? electionProjectId, IEnumerable<int> seatedPersonIds)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(delegation);
        ArgumentNullException.ThrowIfNull(seatedPersonIds);
        if (delegation.TermId != term.Id)
        {
            throw new DomainRuleException("Delegates.DelegationOfAnotherTerm", "delegationId");
        }

        if (personId <= 0)
        {
            throw new DomainRuleException("Input.Required", "personId", "Field.Delegates.Person");
        }

        if (seatedPersonIds.Contains(personId))
        {
            throw new DomainRuleException("Delegates.AlreadySeated", "personId", term.Number);
        }

        return new() { TermId = term.Id, DelegationId = delegation.Id, PersonId = personId, ElectionProjectId = electionProjectId is > 0 ? electionProjectId : null };
    }

    /// <summary>Ends the seat on <paramref name="endedOn"/> (within the term, not after today) for a stated reason.</summary>
    public void End(CongressTerm term, DateOnly endedOn, string reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (Status != DelegateStatus.Serving)
        {
            throw new DomainRuleException("Delegates.AlreadyEnded", "status");
        }

        var why = TextInput.Required(reason, MaxReasonLength, "reason", "Field.Delegates.EndReason");
        var day = SaneDates.Done(endedOn, "endedOn", "Field.Delegates.EndedOn", today, "Delegates.InFuture");
        if (day < term.StartsOn)
        {
            throw new DomainRuleException("Delegates.BeforeTerm", "endedOn", DateText.Format(term.StartsOn));
        }

        (EndedOn, EndReason, Status) = (day, why, DelegateStatus.Ended);
    }
}
