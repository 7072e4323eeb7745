using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// One stay of a person in a pool (the reserve cadre pool, the party-affairs talent pool), from the decision that took
/// them in to the decision that took them out. Both pools are run by dynamic management (动态管理: seed 004, 三 (二)
/// 加强后备干部队伍建设 "按干部管理权限对后备干部坚持定期考察，实行动态管理"; seed 003, 3 (2) 建立党务干部人才库 "实行动态管理"):
/// a person has at most one open entry in a pool; taking them out needs a reason; taking them in again opens a new entry,
/// on or after the day the last one closed, so the earlier stay and its reasons stay on record.
/// </summary>
public abstract class PoolEntry : IVersioned
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The organization that keeps the pool (the department's), for scope.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The day of the decision that took the person in.</summary>
    public DateOnly EnteredOn { get; set; }

    public string? EntryReason { get; set; }

    /// <summary>The day of the decision that took the person out: they are no longer in the pool from that day.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? LeaveReason { get; set; }

    public int Version { get; set; }

    public bool IsOpen => LeftOn is null;

    /// <summary>In the pool on <paramref name="day"/>: entered on or before it and not yet taken out.</summary>
    public bool IsInPoolOn(DateOnly day) => EnteredOn <= day && (LeftOn is not { } left || day < left);

    /// <summary>
    /// Takes the person out on <paramref name="on"/> for <paramref name="reason"/> (required): only an open entry, not
    /// before it was entered, not after <paramref name="today"/> (a decision is recorded once taken).
    /// </summary>
    public void Leave(DateOnly on, string? reason, DateOnly today)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("Cadre.PoolEntryClosed", "leftOn");
        }

        var why = TextInput.Required(reason, MaxReasonLength, "leaveReason", "Field.Cadre.LeaveReason");
        CadreDays.Done(on, "leftOn", "Field.Cadre.LeftOn", today);
        if (on < EnteredOn)
        {
            throw new DomainRuleException("Cadre.LeftBeforeEntered", "leftOn", DateText.Format(EnteredOn));
        }

        (LeftOn, LeaveReason) = (on, why);
    }

    /// <summary>Refuses a change to an entry already closed.</summary>
    protected void RefuseIfClosed()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("Cadre.PoolEntryClosed", "leftOn");
        }
    }

    /// <summary>
    /// Opens the entry for <paramref name="personId"/>, checked against the person's <paramref name="earlier"/> entries in
    /// the same pool: none may be open, and the new one starts on or after the day the last one closed.
    /// </summary>
    protected void Open(int personId, int organizationId, DateOnly enteredOn, string? reason, IEnumerable<PoolEntry> earlier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        CadreDays.Done(enteredOn, "enteredOn", "Field.Cadre.EnteredOn", today);
        var mine = earlier.Where(e => e.PersonId == personId).ToList();
        if (mine.Exists(e => e.IsOpen))
        {
            throw new DomainRuleException("Cadre.PoolEntryTwice", "personId");
        }

        if (mine.Count > 0 && mine.Max(e => e.LeftOn!.Value) is var lastLeft && enteredOn < lastLeft)
        {
            throw new DomainRuleException("Cadre.ReentryBeforeLeaving", "enteredOn", DateText.Format(lastLeft));
        }

        var why = TextInput.Optional(reason, MaxReasonLength, "entryReason", "Field.Cadre.EntryReason");
        (PersonId, OrganizationId, EnteredOn, EntryReason) = (personId, organizationId, enteredOn, why);
    }
}
