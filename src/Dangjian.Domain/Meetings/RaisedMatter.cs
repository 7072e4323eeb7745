using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

public enum RaisedMatterStatus
{
    /// <summary>提议上会: raised by a team member, collecting co-signatures, waiting for the secretary.</summary>
    Raised,

    /// <summary>Put on a meeting's agenda as an agenda item.</summary>
    Scheduled,

    /// <summary>Not put on the agenda, with a reason (never a mandatory matter, MTG-4).</summary>
    Declined,
}

/// <summary>
/// A matter a member of the leadership team raises for the agenda (提议上会事项, MTG-4). Other members of the team co-sign;
/// once the supporters are half or more of the team's current members (<see cref="DecisionRules.MandatoryAgenda"/>,
/// 半数以上) it is <see cref="Mandatory"/>: it must go on the agenda and stays so whatever happens to the supporters later.
/// </summary>
public sealed class RaisedMatter : IVersioned
{
    public const int MaxTitleLength = AgendaItem.MaxTitleLength;
    public const int MaxReasonLength = 2000;

    public int Id { get; set; }

    /// <summary>The organization whose leadership team the matter is raised in.</summary>
    public int OrganizationId { get; set; }

    public required string Title { get; set; }

    /// <summary>Why it should be discussed (提议理由).</summary>
    public required string Reason { get; set; }

    public int RaisedByPersonId { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>The team members supporting it, the one who raised it first (the agenda item's proposers, MTG-10).</summary>
    public List<int> SupporterIds { get; set; } = [];

    /// <summary>How many current members the team had at the last signature: the whole the share is taken of.</summary>
    public int TeamSize { get; set; }

    /// <summary>Supported by half or more of the team (MTG-4): must be put on the agenda, never declined; never cleared.</summary>
    public bool Mandatory { get; set; }

    public RaisedMatterStatus Status { get; set; }

    /// <summary>The agenda item it became (when <see cref="RaisedMatterStatus.Scheduled"/>).</summary>
    public int? AgendaItemId { get; set; }

    public int? MeetingId { get; set; }

    public string? DeclineReason { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// A member of the organization's current leadership team raises a matter (MTG-4). Anyone else is refused on
    /// <c>organizationId</c>; a title and a reason are required.
    /// </summary>
    public static RaisedMatter Raise(
        int organizationId, int personId, string? title, string? reason, IReadOnlyCollection<int> currentTeam, DateOnly today, DecisionRules? rules = null)
    {
        var problems = new List<FieldProblem>();
        if (!currentTeam.Contains(personId))
        {
            problems.Add(new("organizationId", "Meeting.NotOnTeam"));
        }

        title = Check(problems, "title", "Field.Matter.Title", title, MaxTitleLength);
        reason = Check(problems, "reason", "Field.Matter.Reason", reason, MaxReasonLength);
        DomainRuleException.ThrowIfAny(problems);
        var matter = new RaisedMatter
        {
            OrganizationId = organizationId, Title = title, Reason = reason, RaisedByPersonId = personId, RaisedOn = today, SupporterIds = [personId],
        };
        matter.Recount(currentTeam, rules);
        return matter;
    }

    /// <summary>Another current member of the team co-signs (联名) a matter still waiting; once is enough.</summary>
    public void CoSign(int personId, IReadOnlyCollection<int> currentTeam, DecisionRules? rules = null)
    {
        DemandRaised();
        if (!currentTeam.Contains(personId))
        {
            throw new DomainRuleException("Meeting.NotOnTeam", "id");
        }

        if (SupporterIds.Contains(personId))
        {
            throw new DomainRuleException("Meeting.AlreadySigned", "id");
        }

        SupporterIds = [.. SupporterIds, personId];
        Recount(currentTeam, rules);
    }

    /// <summary>
    /// A supporter takes their signature back while the matter waits (not the one who raised it). A matter already
    /// mandatory stays mandatory (MTG-4: once raised by half or more it must be put on the agenda).
    /// </summary>
    public void WithdrawSignature(int personId)
    {
        DemandRaised();
        if (personId == RaisedByPersonId || !SupporterIds.Contains(personId))
        {
            throw new DomainRuleException("Meeting.NotASigner", "id");
        }

        SupporterIds = [.. SupporterIds.Where(id => id != personId)];
    }

    /// <summary>
    /// Puts the matter on a meeting's agenda (not one that is over): the new item carries the supporters as its proposers
    /// and the mandatory mark, so it cannot be withdrawn (<see cref="AgendaItem.Withdraw"/>).
    /// </summary>
    public AgendaItem Schedule(Meeting meeting, ItemCategory category, int? inChargePersonId)
    {
        DemandRaised();
        Meeting.DemandOpen(meeting.Status, "meetingId");
        if (meeting.OrganizationId != OrganizationId)
        {
            throw new DomainRuleException("Meeting.OtherOrganization", "meetingId");
        }

        var item = new AgendaItem
        {
            MeetingId = meeting.Id,
            Title = Title,
            Category = category,
            InChargePersonId = inChargePersonId,
            ProposerIds = [.. SupporterIds],
            Mandatory = Mandatory,
            Material = Reason,
            Order = meeting.Items.Count == 0 ? 1 : meeting.Items.Max(i => i.Order) + 1,
        };
        MeetingId = meeting.Id;
        Status = RaisedMatterStatus.Scheduled;
        return item;
    }

    /// <summary>Records that the scheduled matter's agenda item was saved under this id.</summary>
    public void LinkItem(int agendaItemId) => AgendaItemId = agendaItemId;

    /// <summary>Not put on the agenda, with a reason; MTG-4: a mandatory matter cannot be declined.</summary>
    public void Decline(string? reason)
    {
        DemandRaised();
        if (Mandatory)
        {
            throw new DomainRuleException("Meeting.MatterMandatory", "id");
        }

        var problems = new List<FieldProblem>();
        reason = Check(problems, "reason", "Field.Matter.DeclineReason", reason, MaxReasonLength);
        DomainRuleException.ThrowIfAny(problems);
        DeclineReason = reason;
        Status = RaisedMatterStatus.Declined;
    }

    private void DemandRaised()
    {
        if (Status != RaisedMatterStatus.Raised)
        {
            throw new DomainRuleException("Meeting.MatterNotPending", "id");
        }
    }

    /// <summary>Counts the supporters still on the team against its current size; mandatory once reached, never cleared.</summary>
    private void Recount(IReadOnlyCollection<int> currentTeam, DecisionRules? rules)
    {
        TeamSize = currentTeam.Count;
        Mandatory |= ItemDecision.MustBeOnAgenda(SupporterIds.Count(currentTeam.Contains), currentTeam.Count, rules);
    }

    private static string Check(List<FieldProblem> problems, string field, string label, string? value, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add(new(field, "Input.Required", label));
        }
        else if (text.Length > max)
        {
            problems.Add(new(field, "Input.TooLong", label, max));
        }

        return text;
    }
}
