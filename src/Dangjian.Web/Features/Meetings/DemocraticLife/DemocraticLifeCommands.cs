using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>
/// Changes to democratic life meetings (DLM-1 … DLM-4), each after DemocraticLife.Run on the meeting's organization. A
/// rectification may be worked from a later meeting of the same organization (DLM-4 carry-over): it is the same
/// record, so completing it there changes the earlier meeting's quality.
/// </summary>
public sealed class DemocraticLifeCommands(
    DangjianDbContext db, ScopeService scopes, DemocraticLifeQueries queries, RectificationOwners owners, CurrentUser user, TimeProvider time, SecrecyOptions secrecy)
{
    /// <summary>Creates a meeting in preparation and returns its id and the opinion link's token (shown once, stored hashed).</summary>
    public async Task<(int Id, string Token)> CreateAsync(CreateDemocraticLifeRequest r, CancellationToken ct = default)
    {
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.DemocraticLifeRun, orgId, ct);
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
        if (!org.IsActive || !org.Kind.HasLeadershipTeam())
        {
            throw new DomainRuleException("DemocraticLife.OrganizationHasNoTeam", "organizationId");
        }

        var (year, theme, planned) = Check(r.Year, r.Theme, r.PlannedDate);
        var token = PublicLinkToken.New();
        var meeting = new DemocraticLifeMeeting
        {
            OrganizationId = orgId,
            Year = year,
            Theme = theme,
            PlannedDate = planned,
            OpinionTokenHash = PublicLinkToken.Hash(token),
        };
        db.DemocraticLifeMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (meeting.Id, token);
    }

    public async Task UpdateAsync(int id, UpdateDemocraticLifeRequest r, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, r.Version, ct);
        var (year, theme, planned) = Check(r.Year, r.Theme, r.PlannedDate);
        meeting.Reschedule(year, theme, planned);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Confirms or withdraws one of 人员、时间、意见到位, recording who and when (DLM-1).</summary>
    public async Task ConfirmAsync(int id, PreparationItem item, ChecklistRequest r, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, r.Version, ct);
        meeting.Confirm(item, r.Confirmed, user.Name, time.GetUtcNow());
        db.AuditAction = r.Confirmed ? "DemocraticLifeMeeting.Confirmed" : "DemocraticLifeMeeting.Unconfirmed";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>推迟召开 with a reason and a new date (DLM-1: postpone if not ready).</summary>
    public async Task PostponeAsync(int id, PostponeRequest r, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "Field.DemocraticLife.PostponeReason", r.Reason, DemocraticLifeMeeting.MaxReasonLength);
        if (r.NewDate is null)
        {
            errors.Add("newDate", "Input.Required", "Field.DemocraticLife.NewDate");
        }

        errors.ThrowIfAny();
        meeting.Postpone(r.NewDate!.Value, reason, queries.Today);
        db.AuditAction = "DemocraticLifeMeeting.Postponed";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Marks the meeting held: refused, naming each unconfirmed item, until 人员、时间、意见 are all 到位. The anonymous
    /// form closes; the audit log gets the number of opinions it took (never one entry per opinion).
    /// </summary>
    public async Task MarkHeldAsync(int id, HeldRequest r, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        if (r.HeldDate is null)
        {
            errors.Add("heldDate", "Input.Required", "Field.DemocraticLife.HeldDate");
        }

        if (!meeting.IsHeld)
        {
            foreach (var item in meeting.MissingPreparation())
            {
                errors.Add($"checklist.{Camel(item)}", "DemocraticLife.NotConfirmed", $"Field.DemocraticLife.{item}");
            }
        }

        errors.ThrowIfAny();
        meeting.MarkHeld(r.HeldDate!.Value, queries.Today);

        // The form closes like a ballot box: the opinions are rewritten in a random order with new ids and
        // the database's history of their inserts is erased before the meeting is recorded held; if the database cannot
        // erase it yet, nothing is recorded and marking it held again finishes the job (SecretTables).
        var received = 0;
        await SecretTables.RewriteAndEraseAsync(db, secrecy, SecretTables.OpinionTables, async (w, c) =>
        {
            var rows = await w.DemocraticLifeOpinions.AsNoTracking().Where(o => o.MeetingId == id).ToListAsync(c);
            var shuffled = rows.Select(o => new DemocraticLifeOpinion
            {
                Id = Guid.NewGuid(), MeetingId = o.MeetingId, Source = o.Source, Text = o.Text, ReceivedOn = o.ReceivedOn, SubmitterName = o.SubmitterName,
            }).ToArray();
            System.Security.Cryptography.RandomNumberGenerator.Shuffle(shuffled.AsSpan());
            await w.DemocraticLifeOpinions.Where(o => o.MeetingId == id).ExecuteDeleteAsync(c);
            w.DemocraticLifeOpinions.AddRange(shuffled);
            await w.SaveChangesAsync(c);
            received = rows.Count;
        }, ct);
        db.AuditAction = "DemocraticLifeMeeting.Held";
        db.AddAuditEvent("DemocraticLifeMeeting.OpinionsClosed", nameof(DemocraticLifeMeeting), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { Opinions = received });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>DLM-2: the superior leader who attends and guides; may be recorded after the meeting too.</summary>
    public async Task SetSuperiorLeaderAsync(int id, SuperiorLeaderRequest r, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.DemocraticLife.LeaderName", r.Name, DemocraticLifeMeeting.MaxNameLength);
        var title = errors.Text("title", "Field.DemocraticLife.LeaderTitle", r.Title, DemocraticLifeMeeting.MaxLeaderTitleLength, required: false);
        errors.ThrowIfAny();
        meeting.SuperiorLeaderName = name;
        meeting.SuperiorLeaderTitle = title.Length == 0 ? null : title;
        db.AuditAction = "DemocraticLifeMeeting.SuperiorLeader";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new anonymous opinion link; the old one stops working. Only before the meeting is held.</summary>
    public async Task<string> NewOpinionLinkAsync(int id, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var meeting = await db.DemocraticLifeMeetings.FirstAsync(m => m.Id == id, ct);
        if (meeting.IsHeld)
        {
            throw new DomainRuleException("DemocraticLife.AlreadyHeld", "status");
        }

        var token = PublicLinkToken.New();
        meeting.OpinionTokenHash = PublicLinkToken.Hash(token);
        db.AuditAction = "DemocraticLifeMeeting.OpinionLinkIssued";
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>An opinion staff took down (at a 座谈会, in a talk), named if the giver agreed; only before the meeting.</summary>
    public async Task<Guid> AddOpinionAsync(int id, OpinionRequest r, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var meeting = await db.DemocraticLifeMeetings.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        if (meeting.IsHeld)
        {
            throw new DomainRuleException("DemocraticLife.OpinionsClosed", "text");
        }

        var errors = new FieldErrors();
        var (source, text) = CheckOpinion(errors, r.Source, r.Text);
        var submitter = errors.Text("submitterName", "Field.DemocraticLife.SubmitterName", r.SubmitterName, DemocraticLifeMeeting.MaxNameLength, required: false);
        errors.ThrowIfAny();
        var opinion = new DemocraticLifeOpinion
        {
            Id = Guid.NewGuid(),
            MeetingId = id,
            Source = source,
            Text = text,
            ReceivedOn = queries.Today,
            SubmitterName = submitter.Length == 0 ? null : submitter,
        };
        db.DemocraticLifeOpinions.Add(opinion);
        db.AddAuditEvent("DemocraticLifeOpinion.Recorded", nameof(DemocraticLifeMeeting), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { Opinion = opinion.Id });
        await db.SaveChangesAsync(ct);
        return opinion.Id;
    }

    /// <summary>Checks an opinion's source kind and text, as the API and the public form both do.</summary>
    internal static (OpinionSource Source, string Text) CheckOpinion(FieldErrors errors, OpinionSource? source, string? text)
    {
        if (source is not { } s || !Enum.IsDefined(s))
        {
            errors.Add("source", "Input.Required", "Field.DemocraticLife.Source");
        }

        var t = errors.Text("text", "Field.DemocraticLife.OpinionText", text, DemocraticLifeOpinion.MaxTextLength);
        return (source ?? default, t);
    }

    /// <summary>A problem found for a team member (DLM-3).</summary>
    public async Task<int> AddProblemAsync(int id, ProblemRequest r, CancellationToken ct = default)
    {
        var orgId = await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var meeting = await db.DemocraticLifeMeetings.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var problem = new DemocraticLifeProblem { MeetingId = id };
        await ApplyAsync(problem, r, orgId, meeting.Date, ct);
        db.DemocraticLifeProblems.Add(problem);
        await db.SaveChangesAsync(ct);
        return problem.Id;
    }

    public async Task UpdateProblemAsync(int id, int problemId, ProblemRequest r, CancellationToken ct = default)
    {
        var orgId = await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var meeting = await db.DemocraticLifeMeetings.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var problem = await db.DemocraticLifeProblems.FirstOrDefaultAsync(p => p.Id == problemId && p.MeetingId == id, ct)
            ?? throw new NotFoundException("problem", problemId);
        db.ExpectVersion(problem, r.Version);
        await ApplyAsync(problem, r, orgId, meeting.Date, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A rectification measure for one of this meeting's problems.</summary>
    public async Task<int> AddRectificationAsync(int id, int problemId, RectificationRequest r, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        if (!await db.DemocraticLifeProblems.AnyAsync(p => p.Id == problemId && p.MeetingId == id, ct))
        {
            throw new NotFoundException("problem", problemId);
        }

        var rectification = new DemocraticLifeRectification { ProblemId = problemId };
        Apply(rectification, r);
        db.DemocraticLifeRectifications.Add(rectification);
        await db.SaveChangesAsync(ct);
        return rectification.Id;
    }

    public async Task UpdateRectificationAsync(int id, int rectificationId, RectificationRequest r, CancellationToken ct = default)
    {
        var rectification = await LoadRectificationAsync(id, rectificationId, r.Version, ct);
        Apply(rectification, r);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>整改完成 with the day and the evidence; from this meeting or a later one of the organization (carry-over).</summary>
    public async Task CompleteRectificationAsync(int id, int rectificationId, CompleteRectificationRequest r, CancellationToken ct = default) =>
        await CompleteAsync(await LoadRectificationAsync(id, rectificationId, r.Version, ct), r, ct);

    /// <summary>
    /// 整改完成 by the measure's own 责任人, from their own page: the same completion, with ownership in place of the
    /// organization's write access. Any other measure, in their own organization or not, is refused alike.
    /// </summary>
    public async Task CompleteOwnRectificationAsync(int rectificationId, CompleteRectificationRequest r, CancellationToken ct = default)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId || !await owners.OwnsAsync(personId, rectificationId, ct))
        {
            throw new ScopeRefusedException();
        }

        var rectification = await db.DemocraticLifeRectifications.FirstAsync(x => x.Id == rectificationId, ct);
        db.ExpectVersion(rectification, r.Version);
        await CompleteAsync(rectification, r, ct);
    }

    /// <summary>
    /// 整改完成 of many measures of this meeting's organization (this meeting's or carried over) in one save: each row
    /// through the same rule as one (<see cref="DemocraticLifeRectification.Complete"/>), all or nothing.
    /// </summary>
    public async Task CompleteRectificationsAsync(int id, CompleteRectificationsRequest r, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var loaded = new List<DemocraticLifeRectification>();
        foreach (var row in r.Rows ?? [])
        {
            loaded.Add(await LoadRectificationAsync(id, row.Id, row.Version, ct));
        }

        await CompleteManyAsync(loaded, r, ct);
    }

    /// <summary>
    /// 整改完成 of many measures by their own 责任人 in one save; one measure that is not theirs refuses the whole request,
    /// as it does alone (<see cref="CompleteOwnRectificationAsync"/>).
    /// </summary>
    public async Task CompleteOwnRectificationsAsync(CompleteRectificationsRequest r, CancellationToken ct = default)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            throw new ScopeRefusedException();
        }

        var own = (await owners.OfAsync(personId, DateOnly.MinValue, ct)).Select(x => x.Rectification.Id).ToHashSet();
        var rows = r.Rows ?? [];
        if (rows.Any(row => !own.Contains(row.Id)))
        {
            throw new ScopeRefusedException();
        }

        var ids = rows.Select(row => row.Id).ToList();
        var tracked = await db.DemocraticLifeRectifications.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var loaded = new List<DemocraticLifeRectification>();
        foreach (var row in rows)
        {
            db.ExpectVersion(tracked[row.Id], row.Version);
            loaded.Add(tracked[row.Id]);
        }

        await CompleteManyAsync(loaded, r, ct);
    }

    /// <summary>Completes every row or none: a row the rule refuses is named ("第 2 行（measure）：…") and nothing is saved.</summary>
    private async Task CompleteManyAsync(List<DemocraticLifeRectification> rows, CompleteRectificationsRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("rows", "Input.Required", "Field.DemocraticLife.Measure");
        }

        var evidence = errors.Text("evidence", "Field.DemocraticLife.Evidence", r.Evidence, DemocraticLifeRectification.MaxEvidenceLength, required: false);
        var doneOn = r.DoneOn ?? queries.Today;
        errors.ThrowIfAny();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                rows[i].Complete(doneOn, evidence.Length == 0 ? rows[i].Evidence : evidence, queries.Today);
            }
            catch (DomainRuleException e)
            {
                errors.AddRow("rows", i, rows[i].Measure, FieldErrors.From(e));
            }
        }

        errors.ThrowIfAny();
        db.AuditAction = "DemocraticLifeRectification.Completed";
        await db.SaveChangesAsync(ct);
    }

    private async Task CompleteAsync(DemocraticLifeRectification rectification, CompleteRectificationRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r.DoneOn is null)
        {
            errors.Add("doneOn", "Input.Required", "Field.DemocraticLife.DoneOn");
        }

        var evidence = errors.Text("evidence", "Field.DemocraticLife.Evidence", r.Evidence ?? rectification.Evidence, DemocraticLifeRectification.MaxEvidenceLength);
        errors.ThrowIfAny();
        rectification.Complete(r.DoneOn!.Value, evidence, queries.Today);
        db.AuditAction = "DemocraticLifeRectification.Completed";
        await db.SaveChangesAsync(ct);
    }

    public async Task ReopenRectificationAsync(int id, int rectificationId, DemocraticLifeVersionRequest r, CancellationToken ct = default)
    {
        var rectification = await LoadRectificationAsync(id, rectificationId, r.Version, ct);
        rectification.Reopen();
        db.AuditAction = "DemocraticLifeRectification.Reopened";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The meeting, tracked, after the scope check and with its version checked.</summary>
    private async Task<DemocraticLifeMeeting> LoadAsync(int id, int version, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var meeting = await db.DemocraticLifeMeetings.FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(meeting, version);
        return meeting;
    }

    /// <summary>
    /// A rectification of this meeting, or of an earlier meeting of the same organization (the carry-over works the same
    /// record); anything else is not found from here.
    /// </summary>
    private async Task<DemocraticLifeRectification> LoadRectificationAsync(int id, int rectificationId, int version, CancellationToken ct)
    {
        var orgId = await queries.DemandAsync(id, Permission.DemocraticLifeRun, ct);
        var owner = await db.DemocraticLifeRectifications.AsNoTracking().Where(r => r.Id == rectificationId)
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => p.MeetingId)
            .Join(db.DemocraticLifeMeetings, mid => mid, m => m.Id, (mid, m) => m)
            .FirstOrDefaultAsync(ct);
        if (owner is null || owner.OrganizationId != orgId)
        {
            throw new NotFoundException("rectification", rectificationId);
        }

        if (owner.Id != id)
        {
            var current = await db.DemocraticLifeMeetings.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            if (DemocraticLifeContinuity.Earlier(current, [owner]).Count == 0)
            {
                throw new NotFoundException("rectification", rectificationId);
            }
        }

        var rectification = await db.DemocraticLifeRectifications.FirstAsync(r => r.Id == rectificationId, ct);
        db.ExpectVersion(rectification, version);
        return rectification;
    }

    private async Task ApplyAsync(DemocraticLifeProblem problem, ProblemRequest r, int orgId, DateOnly date, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", "Field.DemocraticLife.ProblemText", r.Text, DemocraticLifeProblem.MaxTextLength);
        var raisedBy = errors.Text("raisedBy", "Field.DemocraticLife.RaisedBy", r.RaisedBy, DemocraticLifeMeeting.MaxNameLength, required: false);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.DemocraticLife.ProblemKind");
        }

        if (r.PersonId is not { } personId)
        {
            errors.Add("personId", "Input.Required", "Field.DemocraticLife.Member");
        }
        else if (personId != problem.PersonId && (await queries.TeamAsync(orgId, date, ct)).All(t => t.PersonId != personId))
        {
            // 民主生活会 is the leadership team's: problems are found for its members (one already recorded may stay).
            errors.Add("personId", "DemocraticLife.NotATeamMember");
        }

        errors.ThrowIfAny();
        problem.PersonId = r.PersonId!.Value;
        problem.Kind = r.Kind!.Value;
        problem.Text = text;
        problem.RaisedBy = problem.Kind == ProblemKind.Criticism && raisedBy.Length > 0 ? raisedBy : null;
    }

    private static void Apply(DemocraticLifeRectification rectification, RectificationRequest r)
    {
        var errors = new FieldErrors();
        var measure = errors.Text("measure", "Field.DemocraticLife.Measure", r.Measure, DemocraticLifeRectification.MaxMeasureLength);
        var owner = errors.Text("owner", "Field.DemocraticLife.Owner", r.Owner, DemocraticLifeRectification.MaxOwnerLength);
        // A completed measure keeps its evidence (整改佐证); an open one may have none yet.
        var evidence = errors.Text("evidence", "Field.DemocraticLife.Evidence", r.Evidence, DemocraticLifeRectification.MaxEvidenceLength,
            required: rectification.Status == RectificationStatus.Done);
        if (r.Deadline is null)
        {
            errors.Add("deadline", "Input.Required", "Field.DemocraticLife.Deadline");
        }
        else if (r.Deadline.Value.Year is < DemocraticLifeMeeting.MinYear or > DemocraticLifeMeeting.MaxYear)
        {
            errors.Add("deadline", "Input.OutOfRange", "Field.DemocraticLife.Deadline", DemocraticLifeMeeting.MinYear, DemocraticLifeMeeting.MaxYear);
        }

        errors.ThrowIfAny();
        rectification.Measure = measure;
        rectification.Owner = owner;
        rectification.Deadline = r.Deadline!.Value;
        rectification.Evidence = evidence.Length == 0 ? null : evidence;
    }

    private static (int Year, string Theme, DateOnly Planned) Check(int? year, string? theme, DateOnly? planned)
    {
        var errors = new FieldErrors();
        var t = errors.Text("theme", "Field.DemocraticLife.Theme", theme, DemocraticLifeMeeting.MaxThemeLength);
        if (year is null)
        {
            errors.Add("year", "Input.Required", "Field.DemocraticLife.Year");
        }
        else if (year is < DemocraticLifeMeeting.MinYear or > DemocraticLifeMeeting.MaxYear)
        {
            errors.Add("year", "Input.OutOfRange", "Field.DemocraticLife.Year", DemocraticLifeMeeting.MinYear, DemocraticLifeMeeting.MaxYear);
        }

        if (planned is null)
        {
            errors.Add("plannedDate", "Input.Required", "Field.DemocraticLife.PlannedDate");
        }
        else if (planned.Value.Year is < DemocraticLifeMeeting.MinYear or > DemocraticLifeMeeting.MaxYear)
        {
            errors.Add("plannedDate", "Input.OutOfRange", "Field.DemocraticLife.PlannedDate", DemocraticLifeMeeting.MinYear, DemocraticLifeMeeting.MaxYear);
        }

        errors.ThrowIfAny();
        return (year!.Value, t, planned!.Value);
    }

    private static string Camel(PreparationItem item) => item.ToString() is var s ? char.ToLowerInvariant(s[0]) + s[1..] : string.Empty;
}
