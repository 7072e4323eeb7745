using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.PublicForms;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Voting;

/// <summary>Resource marker for EvaluationVotingText.resx (zh-CN) and EvaluationVotingText.en.resx.</summary>
public sealed class EvaluationVotingText;

/// <summary>Why a group's form takes no response now.</summary>
public enum FormState
{
    Accepting,
    NotYetOpen,
    Closed,
}

public sealed record FormSubject(int Id, string Name, string? Description);

/// <summary>What the public form shows: the campaign, the group, the subjects in order, the dimensions and the scale.</summary>
public sealed record EvaluationForm(
    int GroupId, string GroupName, string CampaignTitle, string OrganizationName, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    FormState State, IReadOnlyList<FormSubject> Subjects, IReadOnlyList<CriteriaDimension> Dimensions, IReadOnlyList<string> Scale)
{
    /// <summary>The campaign's version when read: a rendered page is kept under it (<see cref="FormPages"/>).</summary>
    public int Version { get; init; }
}

/// <summary>A missing or unknown rating: which subject and dimension.</summary>
public sealed record MissingRating(int SubjectId, string SubjectName, string Dimension);

public enum ResponseOutcome
{
    Accepted,
    Invalid,
    Refused,
    NotOpen,

    /// <summary>The code was issued for this group and has already been used.</summary>
    AlreadyUsed,
}

public sealed record ResponseResult(ResponseOutcome Outcome, string? Receipt, IReadOnlyList<MissingRating> Missing)
{
    public static readonly ResponseResult Refused = new(ResponseOutcome.Refused, null, []);
    public static readonly ResponseResult NotOpen = new(ResponseOutcome.NotOpen, null, []);
}

/// <summary>
/// The public evaluation form (EVA-5): no account, a one-time code. A response is checked whole first (every subject
/// rated on every dimension with a label of the scale), so an incomplete one comes back with its gaps named and the
/// code unspent; then it is cast into the group's box by <see cref="BallotBoxService"/>. Responses are taken only while
/// the campaign is Open and now is within [OpensAt, ClosesAt). Nothing here logs or audits a response or a code.
/// </summary>
public sealed class EvaluationFormService(DangjianDbContext db, BallotBoxService boxes, TimeProvider clock, FormFaces faces)
{
    /// <summary>What changes while a form takes answers: read on every request, in one query.</summary>
    private sealed record GroupState(CampaignStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Version, bool BoxOpen);

    /// <summary>What the form prints: subjects, groups and criteria change only in a draft (SubjectCommands, CampaignCommands).</summary>
    private sealed record FormFace(string GroupName, string CampaignTitle, string OrganizationName, IReadOnlyList<FormSubject> Subjects,
        IReadOnlyList<CriteriaDimension> Dimensions, IReadOnlyList<string> Scale);

    // One fixed statement (RawRead), as the ballot's state (VotingService): EF's LINQ pipeline was most of its cost.
    private const string StateSql =
        """
        SELECT c."Status", c."OpensAt", c."ClosesAt", c."Version", EXISTS (SELECT 1 FROM "BallotBoxes" AS b WHERE b."Key" = @key AND b."IsOpen")
        FROM "EvaluationGroups" AS g JOIN "EvaluationCampaigns" AS c ON c."Id" = g."CampaignId" WHERE g."Id" = @id
        """;

    private Task<GroupState?> StateOf(int id, CancellationToken ct) =>
        db.FirstRowAsync(StateSql, r => new GroupState(Enum.Parse<CampaignStatus>(r.GetString(0)), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetBoolean(4)), ct,
            ("key", EvaluationGroup.BoxKeyFor(id)), ("id", id));

    public async Task<EvaluationForm?> FormAsync(int groupId, CancellationToken ct = default)
    {
        var row = await StateOf(groupId, ct);
        if (row is null || row.Status == CampaignStatus.Draft)
        {
            // A draft is not public yet: it looks like no form at all.
            return null;
        }

        var face = await faces.GetAsync("EvaluationGroup", groupId, row.Version, async c =>
        {
            var fixedPart = await (from g in db.EvaluationGroups.AsNoTracking()
                                   where g.Id == groupId
                                   join cm in db.EvaluationCampaigns on g.CampaignId equals cm.Id
                                   join o in db.Organizations on cm.OrganizationId equals o.Id
                                   select new { g.Name, cm.Title, OrgName = o.Name, cm.CriteriaJson, CampaignId = cm.Id }).FirstOrDefaultAsync(c);
            if (fixedPart is null)
            {
                return null;
            }

            var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == fixedPart.CampaignId).OrderBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => new FormSubject(s.Id, s.Name, s.Description)).ToListAsync(c);
            var criteria = CampaignJson.Criteria(fixedPart.CriteriaJson);
            return new FormFace(fixedPart.Name, fixedPart.Title, fixedPart.OrgName, subjects, criteria.Dimensions, [.. criteria.Scale.Select(p => p.Label)]);
        }, ct);
        if (face is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var state = row.Status == CampaignStatus.Open && row.BoxOpen && now >= row.OpensAt && now < row.ClosesAt
            ? FormState.Accepting
            : row.Status is CampaignStatus.Announced || (row.Status == CampaignStatus.Open && now < row.OpensAt) ? FormState.NotYetOpen : FormState.Closed;
        return new EvaluationForm(groupId, face.GroupName, face.CampaignTitle, face.OrganizationName, row.OpensAt, row.ClosesAt, state, face.Subjects, face.Dimensions, face.Scale)
        {
            Version = row.Version,
        };
    }

    /// <summary>Every (subject, dimension) without a rating on the scale, in form order.</summary>
    public static IReadOnlyList<MissingRating> Check(EvaluationForm form, IReadOnlyDictionary<(int SubjectId, string Dimension), string> ratings)
    {
        var scale = form.Scale.ToHashSet(StringComparer.Ordinal);
        return [.. from s in form.Subjects
                   from d in form.Dimensions
                   where !ratings.TryGetValue((s.Id, d.Name), out var label) || !scale.Contains(label)
                   select new MissingRating(s.Id, s.Name, d.Name)];
    }

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The stored response: {"v":1,"ratings":{"&lt;subjectId&gt;":{"德":"好",…}}}, subjects and dimensions in form order,
    /// so equal answers are equal strings; no time, no code, no address.
    /// </summary>
    public static string Content(EvaluationForm form, IReadOnlyDictionary<(int SubjectId, string Dimension), string> ratings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WriteStartObject("ratings");
            foreach (var s in form.Subjects)
            {
                w.WriteStartObject(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var d in form.Dimensions)
                {
                    w.WriteString(d.Name, ratings[(s.Id, d.Name)]);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Casts a response on the form the page has just read (<see cref="FormAsync"/>): whether the box still takes it is
    /// decided in the batch's transaction.
    /// </summary>
    public async Task<ResponseResult> SubmitAsync(EvaluationForm form, string? typedCode, IReadOnlyDictionary<(int SubjectId, string Dimension), string> ratings, CancellationToken ct = default)
    {
        if (form.State != FormState.Accepting)
        {
            return ResponseResult.NotOpen;
        }

        var missing = Check(form, ratings);
        if (missing.Count > 0)
        {
            return new ResponseResult(ResponseOutcome.Invalid, null, missing);
        }

        if (AccessCode.Normalize(typedCode) is not { } code)
        {
            return ResponseResult.Refused;
        }

        var content = Content(form, ratings);
        if (content.Length > SecretBallot.MaxContentLength)
        {
            return new ResponseResult(ResponseOutcome.Invalid, null, []);
        }

        var cast = await boxes.CastAsync(EvaluationGroup.BoxKeyFor(form.GroupId), code, content, ct);
        return cast.Outcome switch
        {
            CastOutcome.Accepted => new ResponseResult(ResponseOutcome.Accepted, cast.Receipt, []),
            CastOutcome.NotOpen => ResponseResult.NotOpen,
            CastOutcome.AlreadyUsed => new ResponseResult(ResponseOutcome.AlreadyUsed, null, []),
            _ => ResponseResult.Refused,
        };
    }
}
