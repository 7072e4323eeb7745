using System.Text.Json;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.People;
using Dangjian.Domain.Secrecy;

namespace Dangjian.Data.Demo;

/// <summary>
/// Evaluation campaigns for the demo (EVA-3 … EVA-10): the first township's annual assessment of its leadership team
/// members, closed with its three groups' responses in their closed boxes (班子成员, 干部职工, 群众代表) and 实绩/组织考察
/// scores entered, so the results can be computed, publicized and objected to; and the sample branch's 民主评议党员,
/// announced and ready to open. Chance comes from a seeded <see cref="Random"/>, so a given <c>today</c> gives the same
/// records. Only new tables get rows.
/// </summary>
internal static class DemoEvaluations
{
    private const int Seed = 20261125;

    /// <summary>Responses per group of the assessment (the team itself answers in full).</summary>
    private const int StaffResponses = 24;
    private const int ResidentResponses = 36;

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var township = plan.Organizations.First(o => o.Level == 1);
        var team = plan.Teams.Last(t => t.Org == township);
        var assessment = Campaign(township.Entity.Id, $"{today.Year}年度{township.Entity.Name}领导班子成员考核", today.Year, CampaignKind.AnnualAssessment, SubjectKind.Cadre,
            EvaluationCriteria.Default, GradeRule.Annual, ComponentWeights.Default, "不称职", today.AddDays(-20), today.AddDays(-18), CampaignStatus.Closed);
        var review = Campaign(plan.SampleBranch.Entity.Id, $"{today.Year}年度民主评议党员", today.Year, CampaignKind.MemberReview, SubjectKind.Member,
            EvaluationCriteria.MemberReview, GradeRule.MemberReview, ComponentWeights.DemocraticOnly, "不合格", today.AddDays(3), today.AddDays(5), CampaignStatus.Announced);
        db.EvaluationCampaigns.AddRange(assessment, review);
        await db.SaveChangesAsync(ct);

        var subjects = team.Seats.Select((s, i) => new EvaluationSubject
        {
            CampaignId = assessment.Id,
            Name = Unique(s.Person.Name, i, team.Seats.Select(x => x.Person.Name).ToList()),
            PersonId = s.Person.Id,
            Description = s.Title,
            Order = i + 1,
            Achievement = 70 + rnd.Next(30) + (rnd.Next(4) * 0.25m),
            Inspection = 72 + rnd.Next(27),
        }).ToList();
        var groups = new List<EvaluationGroup>
        {
            new() { CampaignId = assessment.Id, Name = "班子成员", Kind = EvaluatorKind.TeamMembers, Weight = 0.3m, Order = 0 },
            new() { CampaignId = assessment.Id, Name = "干部职工", Kind = EvaluatorKind.Staff, Weight = 0.4m, Order = 1 },
            new() { CampaignId = assessment.Id, Name = "群众代表", Kind = EvaluatorKind.ResidentRepresentatives, Weight = 0.3m, Order = 2 },
        };
        var members = plan.People.Where(p => p.Org == plan.SampleBranch && p.Entity.Status == MemberStatus.Full).Select(p => p.Entity).ToList();
        db.EvaluationSubjects.AddRange(subjects);
        db.EvaluationSubjects.AddRange(members.Select((m, i) => new EvaluationSubject { CampaignId = review.Id, Name = Unique(m.Name, i, members.ConvertAll(x => x.Name)), PersonId = m.Id, Order = i + 1 }));
        db.EvaluationGroups.AddRange(groups);
        db.EvaluationGroups.Add(new EvaluationGroup { CampaignId = review.Id, Name = "党员", Kind = EvaluatorKind.Members, Weight = 1m, Order = 0 });
        await db.SaveChangesAsync(ct);

        // The closed boxes: each group's responses in random order with random ids, as BallotBoxService leaves a box it
        // closed; a few codes were issued and never used.
        int[] responses = [subjects.Count, StaffResponses, ResidentResponses];
        // Each subject has a standing with evaluators: most are rated well, one is rated poorly by the residents.
        var standing = subjects.Select(_ => rnd.Next(3)).ToArray();
        for (var g = 0; g < groups.Count; g++)
        {
            db.BallotBoxes.Add(new BallotBox { Key = groups[g].BoxKey, Closed = true, CodesIssued = responses[g] + rnd.Next(3), BallotsCast = responses[g] });
            for (var r = 0; r < responses[g]; r++)
            {
                var ratings = subjects.ToDictionary(
                    s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    s => EvaluationCriteria.Default.Dimensions.ToDictionary(d => d.Name, _ => Label(rnd, standing[subjects.IndexOf(s)] + (g == 2 && s == subjects[^1] ? 2 : 0))));
                db.SecretBallots.Add(new SecretBallot
                {
                    Id = new Guid(Bytes(rnd, 16)),
                    BoxKey = groups[g].BoxKey,
                    Content = JsonSerializer.Serialize(new { v = 1, ratings }, Json),
                    Receipt = new string([.. Enumerable.Range(0, AccessCode.ReceiptLength).Select(_ => AccessCode.Alphabet[rnd.Next(AccessCode.Alphabet.Length)])]),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A scale label: the higher the standing number, the worse the ratings tend to be.</summary>
    private static string Label(Random rnd, int standing)
    {
        var scale = EvaluationCriteria.Default.Scale;
        var pick = Math.Min(scale.Count - 1, (rnd.NextDouble() < 0.55 ? 0 : rnd.Next(1, 3)) + (rnd.NextDouble() < 0.5 ? standing / 2 : 0));
        return scale[pick].Label;
    }

    /// <summary>A subject's name, with its place in the list added when an earlier one has the same name (names are unique in a campaign).</summary>
    private static string Unique(string name, int index, List<string> names) =>
        names.Take(index).Contains(name) ? $"{name}（{index + 1}）" : name;

    private static byte[] Bytes(Random rnd, int n)
    {
        var b = new byte[n];
        rnd.NextBytes(b);
        return b;
    }

    private static EvaluationCampaign Campaign(
        int organizationId, string title, int year, CampaignKind kind, SubjectKind subjectKind, EvaluationCriteria criteria,
        IReadOnlyList<GradeRule> grades, ComponentWeights components, string vetoGrade, DateOnly opens, DateOnly closes, CampaignStatus status)
    {
        // Beijing 09:00 to 17:00 (UTC+8, DESIGN.md "Time").
        var opensAt = new DateTimeOffset(opens.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        var closesAt = new DateTimeOffset(closes.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        return new EvaluationCampaign
        {
            OrganizationId = organizationId,
            Title = title,
            Year = year,
            Kind = kind,
            SubjectKind = subjectKind,
            CriteriaJson = CampaignJson.Write(criteria),
            GradesJson = CampaignJson.Write(grades),
            ComponentsJson = CampaignJson.Write(components),
            VetoGrade = vetoGrade,
            Announcement = $"{title}定于{opens:yyyy年M月d日}至{closes:M月d日}进行，测评内容为德、能、勤、绩、廉、学等方面，采取无记名方式，测评码当场发放、一人一码。",
            AnnouncedAt = opensAt.AddDays(-7),
            OpensAt = opensAt,
            ClosesAt = closesAt,
            Seed = "DEMO-" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Status = status,
        };
    }
}
