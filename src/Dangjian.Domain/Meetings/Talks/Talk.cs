using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings.Talks;

/// <summary>
/// How a talk was held — the ways seed 001 names for 谈心谈话: "一对一、面对面…交心谈心", "个别谈话" and "电话约谈".
/// (提醒谈话 and 诫勉谈话 are not named in the seeds, so the register does not offer them.)
/// </summary>
public enum TalkKind
{
    /// <summary>交心谈心: one to one, face to face.</summary>
    HeartToHeart = 0,

    /// <summary>个别谈话: an individual talk on a given matter.</summary>
    Individual = 1,

    /// <summary>电话约谈: by phone, for one who could not meet in person.</summary>
    Phone = 2,
}

/// <summary>What a talk record says: when, who started it and with whom, how, about what, and what is to follow (optional).</summary>
public sealed record TalkEntry(DateOnly HeldOn, int InitiatorId, int PartnerId, TalkKind Kind, string? Topics, string? FollowUp);

/// <summary>
/// One 谈心谈话 of an organization's standing register (MTG-11), outside elections: seed 002 四 names 谈话制度 among the
/// forms of 组织生活 by which members are managed; seed 001 asks that the talks cover everyone (谈话对象"全覆盖").
/// A talk is something that happened: its day is never after today. Its two people differ and are the organization's
/// (on its roll or on its team in office); who counts as owed a talk is <see cref="TalkRequirements"/>.
/// </summary>
public sealed class Talk : IVersioned
{
    public const int MaxTopicsLength = 2000;
    public const int MaxFollowUpLength = 2000;
    public const int MaxRecordedByLength = 100;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The day the talk was held.</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>Who started the talk (谈话人).</summary>
    public int InitiatorId { get; set; }

    /// <summary>The other person (谈话对象).</summary>
    public int PartnerId { get; set; }

    public TalkKind Kind { get; set; }

    /// <summary>谈话主要内容: the topics talked about.</summary>
    public string Topics { get; set; } = string.Empty;

    /// <summary>What is to be followed up after the talk (跟踪落实), if anything.</summary>
    public string? FollowUp { get; set; }

    /// <summary>The day the follow-up was done; null while open or when there is none.</summary>
    public DateOnly? FollowUpDoneOn { get; set; }

    /// <summary>The account that entered the record.</summary>
    public string RecordedBy { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary>Whether the talk was between these two people, whoever started it.</summary>
    public bool IsBetween(int a, int b) => (InitiatorId == a && PartnerId == b) || (InitiatorId == b && PartnerId == a);

    /// <summary>
    /// A talk held in the organization, as entered by <paramref name="recordedBy"/>. <paramref name="people"/> are the
    /// organization's people (its roll and its team in office); both sides must be among them.
    /// </summary>
    public static Talk Record(int organizationId, TalkEntry entry, string recordedBy, DateOnly today, IReadOnlySet<int> people)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Talk.Organization");
        }

        var talk = new Talk
        {
            OrganizationId = organizationId,
            RecordedBy = TextInput.Required(recordedBy, MaxRecordedByLength, "recordedBy", "Field.Talk.RecordedBy"),
        };
        talk.Apply(entry, today, people);
        return talk;
    }

    /// <summary>
    /// Corrects what the record says (a wrong day, person, kind or text). A follow-up already done stays done, so the
    /// talk's day cannot move after the day it was done.
    /// </summary>
    public void Correct(TalkEntry entry, DateOnly today, IReadOnlySet<int> people)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FollowUpDoneOn is { } done && entry.HeldOn > done)
        {
            throw new DomainRuleException("Talks.AfterFollowUp", "heldOn", DateText.Format(done));
        }

        Apply(entry, today, people);
    }

    /// <summary>
    /// Records the follow-up and, when given, the day it was done: a day that has come (not after today) and not before
    /// the talk. Without a day the follow-up stays open.
    /// </summary>
    public void RecordFollowUp(string? followUp, DateOnly? doneOn, DateOnly today)
    {
        var text = TextInput.Required(followUp, MaxFollowUpLength, "followUp", "Field.Talk.FollowUp");
        if (doneOn is { } day)
        {
            SaneDates.Done(day, "doneOn", "Field.Talk.FollowUpDoneOn", today, "Talks.InFuture");
            if (day < HeldOn)
            {
                throw new DomainRuleException("Talks.FollowUpBeforeTalk", "doneOn", DateText.Format(HeldOn));
            }
        }

        (FollowUp, FollowUpDoneOn) = (text, doneOn);
    }

    private void Apply(TalkEntry entry, DateOnly today, IReadOnlySet<int> people)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(people);
        var heldOn = SaneDates.Done(entry.HeldOn, "heldOn", "Field.Talk.HeldOn", today, "Talks.InFuture");
        if (!people.Contains(entry.InitiatorId))
        {
            throw new DomainRuleException("Talks.NotOfOrganization", "initiatorId");
        }

        if (!people.Contains(entry.PartnerId))
        {
            throw new DomainRuleException("Talks.NotOfOrganization", "partnerId");
        }

        if (entry.InitiatorId == entry.PartnerId)
        {
            throw new DomainRuleException("Talks.SamePerson", "partnerId");
        }

        if (!Enum.IsDefined(entry.Kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Talk.Kind");
        }

        var topics = TextInput.Required(entry.Topics, MaxTopicsLength, "topics", "Field.Talk.Topics");
        var followUp = TextInput.Optional(entry.FollowUp, MaxFollowUpLength, "followUp", "Field.Talk.FollowUp");
        if (followUp is null && FollowUpDoneOn is not null)
        {
            throw new DomainRuleException("Input.Required", "followUp", "Field.Talk.FollowUp");
        }

        (HeldOn, InitiatorId, PartnerId, Kind, Topics, FollowUp) = (heldOn, entry.InitiatorId, entry.PartnerId, entry.Kind, topics, followUp);
    }
}
