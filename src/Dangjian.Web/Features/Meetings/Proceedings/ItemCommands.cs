using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>
/// The agenda and how each item is decided (MTG-3 … MTG-7, MTG-10): items, the discussion order with the secretary
/// last, the vote (open, secret through the ballot box, or the administrative head's decision), escalation of the
/// secretary's dissent and the superior organization's ruling, and the follow-up.
/// </summary>
public sealed class ItemCommands(
    DangjianDbContext db, ScopeService scopes, MeetingAccess access, BallotBoxService boxes, CurrentUser user, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DecisionRuleOptions> options, OrgClock clock)
{
    private readonly DecisionRules _rules = options.Value.ToRules();

    public async Task<int> AddAsync(int meetingId, ItemRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandMeetingAsync(meetingId, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Items).AsSplitQuery().FirstAsync(m => m.Id == meetingId, ct);
        var item = new AgendaItem { MeetingId = meetingId, Title = string.Empty, Order = meeting.Items.Count == 0 ? 1 : meeting.Items.Max(i => i.Order) + 1 };
        Apply(meeting, item, _rules, r.Title, r.Category, r.InChargePersonId, r.ProposerIds, r.Material, r.VoteMode);
        meeting.Items.Add(item);
        db.AuditAction = "AgendaItem.Added";
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(int itemId, UpdateItemRequest r, CancellationToken ct = default)
    {
        var (meeting, item) = await LoadPendingAsync(itemId, r.Version, ct);
        Apply(meeting, item, _rules, r.Title, r.Category, r.InChargePersonId, r.ProposerIds, r.Material, r.VoteMode);
        db.AuditAction = "AgendaItem.Updated";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes an item off the agenda; MTG-4: never one raised by half or more of the team.</summary>
    public async Task WithdrawAsync(int itemId, int version, CancellationToken ct = default)
    {
        var (_, item) = await LoadPendingAsync(itemId, version, ct);
        item.Withdraw();
        db.AuditAction = "AgendaItem.Withdrawn";
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(
        Meeting meeting, AgendaItem item, DecisionRules rules, string? title, ItemCategory? category, int? inCharge, IReadOnlyList<int>? proposers, string? material, VoteMode? mode)
    {
        var errors = new FieldErrors();
        item.Title = errors.Text("title", "Field.Item.Title", title, AgendaItem.MaxTitleLength);
        var text = errors.Text("material", "Field.Item.Material", material, Meeting.MaxTextLength, required: false);
        item.Material = text.Length == 0 ? null : text;
        if (category is not { } c || !Enum.IsDefined(c))
        {
            errors.Add("category", "Input.Required", "Field.Item.Category");
        }
        else
        {
            item.Category = c;
        }

        item.VoteMode = mode is { } m && Enum.IsDefined(m) ? m : VoteMode.Open;
        if (inCharge is { } ic && !meeting.Participants.Any(p => p.PersonId == ic))
        {
            errors.Add("inChargePersonId", "Meeting.NotAParticipant");
        }

        // MTG-3: a major matter cannot be decided without its member in charge, so one must be named.
        if (item.Category == ItemCategory.Major && rules.Major.InChargeMustBePresent && inCharge is null)
        {
            errors.Add("inChargePersonId", "Meeting.MajorNeedsInCharge");
        }

        var ids = (proposers ?? []).Distinct().ToList();
        if (ids.Any(id => !meeting.Participants.Any(p => p.PersonId == id)))
        {
            errors.Add("proposerIds", "Meeting.NotAParticipant");
        }

        errors.ThrowIfAny();
        item.InChargePersonId = inCharge;
        var team = meeting.Participants.Where(p => p.Entitled).Select(p => p.PersonId).ToHashSet();
        item.SetProposers(ids, ids.Count(team.Contains), team.Count, rules);
    }

    /// <summary>
    /// One member's turn in the discussion (MTG-5). The secretary speaks last: refused, naming who has not yet spoken,
    /// while any other member present for the item has not. The secretary's view is recorded as the item's.
    /// </summary>
    public async Task SpeakAsync(int itemId, SpeechRequest r, CancellationToken ct = default)
    {
        var (meeting, item) = await LoadPendingAsync(itemId, null, ct);
        var errors = new FieldErrors();
        var summary = errors.Text("summary", "Field.Item.Summary", r.Summary, ItemSpeech.MaxSummaryLength, required: false);
        if (r.PersonId is not { } personId)
        {
            throw new InputValidationException(errors.Add("personId", "Input.Required", "Field.Meeting.Person"));
        }

        if (!meeting.Participants.Any(p => p.PersonId == personId && p.IsPresentAt(item.Order)))
        {
            errors.Add("personId", "Meeting.NotPresentForItem");
        }

        if (item.Speeches.Any(s => s.PersonId == personId))
        {
            errors.Add("personId", "Meeting.AlreadySpoke");
        }

        errors.ThrowIfAny();
        if (personId == meeting.SecretaryPersonId)
        {
            var waiting = ItemDecision.StillToSpeakBeforeSecretary(meeting.PresentMembersAt(item), item.Speeches.Select(s => s.PersonId), personId);
            if (waiting.Count > 0)
            {
                var names = await db.People.AsNoTracking().Where(p => waiting.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(ct);
                throw new DomainRuleException("Meeting.SecretarySpeaksLast", "personId", Punctuation.JoinList(names));
            }

            item.SecretaryView = r.View;
        }

        item.Speeches.Add(new ItemSpeech
        {
            PersonId = personId,
            Sequence = item.Speeches.Count == 0 ? 1 : item.Speeches.Max(s => s.Sequence) + 1,
            View = r.View,
            Summary = summary.Length == 0 ? null : summary,
        });
        db.Entry(item).State = EntityState.Modified; // the speech changes the item: its version moves, so a vote prepared before it conflicts
        db.AuditAction = "AgendaItem.Spoke";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An open vote (MTG-6): each member present for the item votes by name; decided at once.</summary>
    public async Task VoteOpenlyAsync(int itemId, OpenVotesRequest r, CancellationToken ct = default)
    {
        var (meeting, item) = await LoadPendingAsync(itemId, r.Version, ct);
        await DemandConsultationEndedAsync(itemId, ct);
        meeting.RecordOpenVotes(item, [.. (r.Votes ?? []).Select(v => (v.PersonId, v.Choice))], _rules, time.GetUtcNow());
        db.AuditAction = "AgendaItem.Decided";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Starts a secret vote (无记名, MTG-6): a ballot box for the item with one code per entitled member present, handed
    /// out on paper; the attendance is taken now. The codes are returned once and never stored in clear.
    /// </summary>
    public async Task<SecretVoteStarted> StartSecretVoteAsync(int itemId, int version, CancellationToken ct = default)
    {
        var (meeting, item) = await LoadPendingAsync(itemId, version, ct);
        await DemandConsultationEndedAsync(itemId, ct);
        var facts = meeting.StartSecretVote(item);
        IReadOnlyList<string> codes = [];
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await boxes.FindAsync(item.BoxKey, ct) is null)
            {
                boxes.Create(item.BoxKey);
            }

            db.AuditAction = "AgendaItem.SecretVoteStarted";
            await db.SaveChangesAsync(ct);
            codes = await boxes.IssueCodesAsync(item.BoxKey, facts.Present, ct);
            await boxes.OpenAsync(item.BoxKey, ct);
            await tx.CommitAsync(ct);
        });
        return new SecretVoteStarted(item.Id, facts.Present, codes);
    }

    /// <summary>A member casts a secret ballot with a code. No account, no time, nothing that links the ballot to the member.</summary>
    public async Task<CastOutcome> CastSecretAsync(int itemId, SecretBallotRequest r, CancellationToken ct = default)
    {
        if (r.Choice is not { } choice || !Enum.IsDefined(choice))
        {
            throw new InputValidationException(new FieldErrors().Add("choice", "Input.Required", "Field.Item.Choice"));
        }

        if (AccessCode.Normalize(r.Code) is not { } code)
        {
            return CastOutcome.Refused;
        }

        var open = await db.AgendaItems.AsNoTracking().AnyAsync(i => i.Id == itemId && i.Status == ItemStatus.Voting, ct);
        if (!open)
        {
            return CastOutcome.NotOpen;
        }

        return (await boxes.CastAsync(AgendaItem.BoxKeyFor(itemId), code, Content(choice), ct)).Outcome;
    }

    /// <summary>Closes the secret vote: the box closes and is counted; only the counts go on the item.</summary>
    public async Task CloseSecretVoteAsync(int itemId, int version, CancellationToken ct = default)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
        if (item.Version != version)
        {
            throw new DbUpdateConcurrencyException();
        }

        item.DemandVoting();

        // Closing the box commits on its own (the shuffle); a close interrupted before the count is finished by the
        // next attempt, which finds the box closed and counts it.
        if (await boxes.FindAsync(item.BoxKey, ct) is { Closed: false })
        {
            await boxes.CloseAsync(item.BoxKey, ct);
        }

        var ballots = await boxes.BallotsAsync(item.BoxKey, ct);
        var counts = new VoteCounts(
            ballots.Count(b => b.Content == Content(VoteChoice.For)),
            ballots.Count(b => b.Content == Content(VoteChoice.Against)),
            ballots.Count(b => b.Content == Content(VoteChoice.Abstain)));
        var tracked = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        db.ExpectVersion(tracked, version);
        tracked.CloseSecretVote(counts, _rules, time.GetUtcNow());
        db.AuditAction = "AgendaItem.Decided";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>行政首长最后决定 (MTG-6): recorded as the head's decision, after discussion with a quorum; never escalated.</summary>
    public async Task RecordHeadDecisionAsync(int itemId, HeadDecisionRequest r, CancellationToken ct = default)
    {
        var (meeting, item) = await LoadPendingAsync(itemId, r.Version, ct);
        await DemandConsultationEndedAsync(itemId, ct);
        meeting.RecordHeadDecision(item, r.Outcome, _rules, time.GetUtcNow());
        db.AuditAction = "AgendaItem.Decided";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The superior organization rules on an escalated item (MTG-7). Only someone who may change the superior
    /// organization (the parent of the meeting's organization) may rule; the meeting's own organization may not.
    /// </summary>
    public async Task RuleAsync(int itemId, RulingRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRead, ct);
        var parent = await db.Organizations.AsNoTracking().Where(o => o.Id == target.OrganizationId).Select(o => o.ParentId).FirstAsync(ct);
        if (parent is not { } superior)
        {
            throw new ScopeRefusedException();
        }

        await scopes.DemandAsync(Permission.MeetingsRule, superior, ct);
        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        db.ExpectVersion(item, r.Version);
        item.Rule(r.Outcome, r.Text, superior, user.Name, time.GetUtcNow());
        db.AuditAction = "AgendaItem.Ruled";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>落实情况 (MTG-10): how a decided item was carried out; editable after the meeting closed.</summary>
    public async Task SetFollowUpAsync(int itemId, FollowUpRequest r, CancellationToken ct = default)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        if (target.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("Meeting.Cancelled", "id");
        }

        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        db.ExpectVersion(item, r.Version);
        var errors = new FieldErrors();
        var text = errors.Text("followUp", "Field.Item.FollowUp", r.FollowUp, Meeting.MaxTextLength, required: false);
        if (item.Outcome is not null)
        {
            errors.ThrowIfAny();
        }

        item.RecordFollowUp(text);
        db.AuditAction = "AgendaItem.FollowUp";
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Meeting Meeting, AgendaItem Item)> LoadPendingAsync(int itemId, int? version, CancellationToken ct)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        var meeting = await db.Meetings.Include(m => m.Participants).FirstAsync(m => m.Id == target.MeetingId, ct);
        var item = await db.AgendaItems.Include(i => i.Speeches).Include(i => i.Votes).AsSplitQuery().FirstAsync(i => i.Id == itemId, ct);
        if (version is { } v)
        {
            db.ExpectVersion(item, v);
        }

        item.DemandPending();
        return (meeting, item);
    }

    /// <summary>MTG-12: an item whose public comment period has not ended is not decided yet (the rule is on the consultation).</summary>
    private async Task DemandConsultationEndedAsync(int itemId, CancellationToken ct)
    {
        if (await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.AgendaItemId == itemId, ct) is { } consultation)
        {
            consultation.DemandEndedBy(clock.Today);
        }
    }

    private static string Content(VoteChoice c) => c switch
    {
        VoteChoice.For => "for",
        VoteChoice.Against => "against",
        _ => "abstain",
    };
}
