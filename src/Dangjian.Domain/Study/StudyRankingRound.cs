using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

public enum StudyRankingStatus
{
    /// <summary>The ranking's proposal, which the committee may change.</summary>
    Proposed,

    /// <summary>Confirmed by the committee: fixed.</summary>
    Confirmed,
}

/// <summary>One person to rank: their credits in the half-year and their exam score.</summary>
public sealed record StudyRankingCandidate(int PersonId, string Name, decimal Credits, decimal ExamScore)
{
    /// <summary>
    /// A person as the half-year <paramref name="period"/> ranks them (seed 004: 学分 by 学习时间、学习内容、考试成绩): their
    /// credits in it by <paramref name="credits"/> (approved records, passed exams), and the score of the last exam they took
    /// in it, so a make-up passed after a failure is the result that stands; no exam in the half-year scores 0.
    /// </summary>
    public static StudyRankingCandidate Of(int personId, string name, IEnumerable<StudyRecord> records, StudyExamHistory? exams, StudyPeriod period, StudyCredits credits)
    {
        ArgumentNullException.ThrowIfNull(credits);
        var last = exams?.Exams.LastOrDefault(e => e.Date >= period.Start && e.Date <= period.End);
        return new(personId, name, credits.Total(records, exams, period), last?.Score ?? 0);
    }
}

/// <summary>One person's line in a round: their rank, what the ranking proposed, what the committee decides, and a 后进's rectification.</summary>
public sealed class StudyRankingLine
{
    public const int MaxNameLength = 50;
    public const int MaxClassLength = 200;

    public int Id { get; set; }

    public int RoundId { get; set; }

    public int PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public decimal Credits { get; set; }

    public decimal ExamScore { get; set; }

    public int Rank { get; set; }

    /// <summary>What <see cref="StudyRanking"/> proposed.</summary>
    public RankingProposal Proposed { get; set; }

    /// <summary>What the committee decides; the proposal until it changes it.</summary>
    public RankingProposal Decision { get; set; }

    /// <summary>限期整改: the day a 后进 must have caught up by.</summary>
    public DateOnly? RectificationDeadline { get; set; }

    /// <summary>集中上课: the concentrated class a 后进 attends.</summary>
    public string? ClassName { get; set; }
}

/// <summary>
/// A half-year's 自学标兵 and 后进 (STU-5; seed 000, 一, 三 成绩考核: 半年度评选一次"自学标兵"和"自学后进分子"，对后进人员集中上课
/// 限期整改). <see cref="StudyRanking"/> proposes; the committee may change any person's designation, gives each 后进 a
/// rectification deadline and a concentrated class, and confirms; a confirmed round is fixed.
/// </summary>
public sealed class StudyRankingRound : IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int Year { get; set; }

    /// <summary>1 for January–June, 2 for July–December.</summary>
    public int Half { get; set; }

    public StudyRankingStatus Status { get; set; }

    public List<StudyRankingLine> Lines { get; set; } = [];

    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The half-year ranked.</summary>
    public StudyPeriod Period => Half == 1 ? new(new(Year, 1, 1), new(Year, 6, 30)) : new(new(Year, 7, 1), new(Year, 12, 31));

    /// <summary>
    /// The ranking's proposal for a half-year: each person once, ranked by <see cref="StudyRanking.Rank"/> with
    /// <paramref name="models"/> and <paramref name="laggards"/> places (ties never split across a line).
    /// </summary>
    public static StudyRankingRound Propose(int organizationId, int year, int half, IReadOnlyList<StudyRankingCandidate> candidates, int models, int laggards)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (year < SaneDates.MinDay.Year || year > SaneDates.MaxDay.Year)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Study.RankingYear", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        if (half is not (1 or 2))
        {
            throw new DomainRuleException("Input.OutOfRange", "half", "Field.Study.RankingHalf", 1, 2);
        }

        if (models < 0 || laggards < 0)
        {
            throw new DomainRuleException("Input.Invalid", models < 0 ? "models" : "laggards", "Field.Study.RankingPlaces");
        }

        if (candidates.GroupBy(c => c.PersonId).Any(g => g.Count() > 1))
        {
            throw new DomainRuleException("Study.RankedTwice", "candidates");
        }

        // Each entry stands for its candidate by reference: two people may share a name and a score.
        var names = candidates.Select((c, i) => TextInput.Required(c.Name, StudyRankingLine.MaxNameLength, $"candidates[{i}].name", "Field.Study.Name")).ToList();
        var entries = candidates.Select((c, i) => new RankingEntry(names[i], c.Credits, c.ExamScore)).ToList();
        var byEntry = new Dictionary<RankingEntry, StudyRankingCandidate>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++)
        {
            byEntry[entries[i]] = candidates[i];
        }

        var round = new StudyRankingRound { OrganizationId = organizationId, Year = year, Half = half };
        foreach (var r in StudyRanking.Rank(entries, models, laggards))
        {
            var c = byEntry[r.Entry];
            round.Lines.Add(new StudyRankingLine
            {
                PersonId = c.PersonId, Name = r.Entry.Name, Credits = c.Credits, ExamScore = c.ExamScore, Rank = r.Rank, Proposed = r.Proposal, Decision = r.Proposal,
            });
        }

        return round;
    }

    /// <summary>The committee's designation of one person, while proposed; one no longer a 后进 loses their rectification.</summary>
    public void Decide(int personId, RankingProposal decision)
    {
        RefuseUnlessProposed();
        if (!Enum.IsDefined(decision))
        {
            throw new DomainRuleException("Input.Invalid", "decision", "Field.Study.RankingDecision");
        }

        var line = Line(personId);
        line.Decision = decision;
        if (decision != RankingProposal.Laggard)
        {
            (line.RectificationDeadline, line.ClassName) = (null, null);
        }
    }

    /// <summary>A 后进's rectification: a deadline after today and the concentrated class they attend.</summary>
    public void SetRectification(int personId, DateOnly deadline, string className, DateOnly today)
    {
        RefuseUnlessProposed();
        var line = Line(personId);
        if (line.Decision != RankingProposal.Laggard)
        {
            throw new DomainRuleException("Study.NotLaggard", "personId");
        }

        SaneDates.Demand(deadline, "rectificationDeadline", "Field.Study.RectificationDeadline");
        if (deadline <= today)
        {
            throw new DomainRuleException("Study.DeadlineNotAfterToday", "rectificationDeadline");
        }

        var name = TextInput.Required(className, StudyRankingLine.MaxClassLength, "className", "Field.Study.RectificationClass");
        (line.RectificationDeadline, line.ClassName) = (deadline, name);
    }

    /// <summary>The committee confirms: refused, naming each 后进's line without a deadline or a class, until every one has both.</summary>
    public void Confirm(string by, DateTimeOffset now)
    {
        RefuseUnlessProposed();
        var problems = new List<FieldProblem>();
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].Decision != RankingProposal.Laggard)
            {
                continue;
            }

            if (Lines[i].RectificationDeadline is null)
            {
                problems.Add(new($"lines[{i}].rectificationDeadline", "Study.RectificationMissing", Lines[i].Name));
            }

            if (Lines[i].ClassName is null)
            {
                problems.Add(new($"lines[{i}].className", "Study.RectificationMissing", Lines[i].Name));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
        var name = TextInput.Required(by, MaxNameLength, "confirmedBy", "Field.Study.ConfirmedBy");
        (Status, ConfirmedBy, ConfirmedAt) = (StudyRankingStatus.Confirmed, name, now);
    }

    private StudyRankingLine Line(int personId) =>
        Lines.Find(l => l.PersonId == personId) ?? throw new DomainRuleException("Study.NotRanked", "personId");

    private void RefuseUnlessProposed()
    {
        if (Status != StudyRankingStatus.Proposed)
        {
            throw new DomainRuleException("Study.RankingConfirmed", "status");
        }
    }
}
