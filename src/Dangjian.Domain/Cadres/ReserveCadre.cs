using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// How a person came into the reserve pool. Seed 004, 三 (二) 加强后备干部队伍建设: 集中推荐 (democratic recommendation),
/// 公开选拔 (public selection); organization recommendation is the department's own proposal.
/// </summary>
public enum ReserveSource
{
    /// <summary>民主推荐.</summary>
    DemocraticRecommendation,

    /// <summary>公开选拔.</summary>
    PublicSelection,

    /// <summary>组织推荐.</summary>
    OrganizationRecommendation,
}

/// <summary>
/// A posting that trains a reserve cadre. Seed 004, 三 (二) "有针对性采取定向培训、挂职、交流等措施" and 三 (三) 完善实践锻炼机制
/// (后备干部到行政村挂职; 新录用的大学生三年内必须到村里任职一年).
/// </summary>
public enum PostingKind
{
    /// <summary>挂职.</summary>
    Secondment,

    /// <summary>交流.</summary>
    Exchange,

    /// <summary>到村任职.</summary>
    VillagePosting,
}

/// <summary>One posting of a reserve cadre: where, from a day to a day (both inclusive; no end yet while it lasts).</summary>
public sealed class ReservePosting
{
    public const int MaxPlaceLength = 100;

    public int Id { get; set; }

    public int ReserveCadreId { get; set; }

    public PostingKind Kind { get; set; }

    public string Place { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Whether this posting shares a day with the run <paramref name="from"/>–<paramref name="to"/> (null: still running).</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);
}

/// <summary>A year's assessment result (年度考核等次) as the evaluations module gave it: the grade's name.</summary>
public sealed class ReserveAssessment
{
    public int Id { get; set; }

    public int ReserveCadreId { get; set; }

    public int Year { get; set; }

    public string Grade { get; set; } = string.Empty;
}

/// <summary>
/// An entry in the reserve cadre pool (后备干部库, CAD-1): the person, the post they are reserved for (level, such as
/// 正科级, and type, such as 党政正职), how they came in, their postings and their yearly assessment results. Seed 004,
/// 三 (二): 分门别类建立后备人才库; 建立后备干部年度考核考评制度 … 实行动态管理 (in/out as <see cref="PoolEntry"/>).
/// </summary>
public sealed class ReserveCadre : PoolEntry
{
    public const int MaxPostLength = 50;

    /// <summary>The longest a field of work (专业领域) may be.</summary>
    public const int MaxFieldLength = 50;

    public string TargetPostLevel { get; set; } = string.Empty;

    public string TargetPostType { get; set; } = string.Empty;

    public ReserveSource Source { get; set; }

    /// <summary>
    /// The field of work the cadre is strong in (专业领域: 经济管理, 农业农村, 城乡建设, 社会治理, 党建, 政法 …), optional: the
    /// pool is viewed by it (CAD-1) so the department sees where its reserve is thin. Kept on the entry, as the field the
    /// cadre is held in reserve for, not on the roster's person.
    /// </summary>
    public string? Field { get; set; }

    public List<ReservePosting> Postings { get; set; } = [];

    public List<ReserveAssessment> Assessments { get; set; } = [];

    /// <summary>
    /// Takes a person into the pool on <paramref name="enteredOn"/>; <paramref name="personsEntries"/> are the person's
    /// entries so far (one open entry per person; see <see cref="PoolEntry"/>).
    /// </summary>
    public static ReserveCadre Enter(
        int personId, int organizationId, string? targetPostLevel, string? targetPostType, ReserveSource source,
        DateOnly enteredOn, string? reason, IEnumerable<ReserveCadre> personsEntries, DateOnly today, string? field = null)
    {
        var level = TextInput.Required(targetPostLevel, MaxPostLength, "targetPostLevel", "Field.Cadre.TargetPostLevel");
        var type = TextInput.Required(targetPostType, MaxPostLength, "targetPostType", "Field.Cadre.TargetPostType");
        if (!Enum.IsDefined(source))
        {
            throw new DomainRuleException("Input.Invalid", "source", "Field.Cadre.Source");
        }

        var fieldOfWork = TextInput.Optional(field, MaxFieldLength, "field", "Field.Cadre.Field");
        var entry = new ReserveCadre { TargetPostLevel = level, TargetPostType = type, Source = source, Field = fieldOfWork };
        entry.Open(personId, organizationId, enteredOn, reason, personsEntries, today);
        return entry;
    }

    /// <summary>
    /// Records a posting while the entry is open: a place, a first day not before the entry, a last day (if known) not
    /// before the first, and no day shared with another posting of the entry (a cadre is posted to one place at a time).
    /// </summary>
    public ReservePosting AddPosting(PostingKind kind, string? place, DateOnly from, DateOnly? to)
    {
        RefuseIfClosed();
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Cadre.PostingKind");
        }

        var where = TextInput.Required(place, ReservePosting.MaxPlaceLength, "place", "Field.Cadre.PostingPlace");
        SaneDates.Demand(from, "from", "Field.Cadre.PostingFrom");
        if (from < EnteredOn)
        {
            throw new DomainRuleException("Cadre.PostingBeforeEntry", "from", DateText.Format(EnteredOn));
        }

        CheckEnd(from, to, null);
        var posting = new ReservePosting { ReserveCadreId = Id, Kind = kind, Place = where, From = from, To = to };
        Postings.Add(posting);
        return posting;
    }

    /// <summary>Gives a running posting of this entry its last day: not before its first, and overlapping no other posting.</summary>
    public void EndPosting(ReservePosting posting, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(posting);
        RefuseIfClosed();
        if (!Postings.Contains(posting))
        {
            throw new DomainRuleException("Input.Invalid", "postingId", "Field.Cadre.Posting");
        }

        if (posting.To is not null)
        {
            throw new DomainRuleException("Cadre.PostingEnded", "to");
        }

        CheckEnd(posting.From, to, posting);
        posting.To = to;
    }

    /// <summary>
    /// Notes a year's assessment result from the evaluations module: a year in the sane range and a grade among
    /// <paramref name="grades"/> (the annual grades, <see cref="GradeRule.Annual"/>, unless the district set its own).
    /// Noting the same grade again changes nothing; a different grade for a year already noted is refused, since the
    /// evaluations module's result for a year is final.
    /// </summary>
    public void NoteAssessment(int year, string? grade, IReadOnlyList<GradeRule> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var name = CadreGrades.Demand(year, grade, grades);
        if (Assessments.Find(a => a.Year == year) is { } noted)
        {
            if (!string.Equals(noted.Grade, name, StringComparison.Ordinal))
            {
                throw new DomainRuleException("Cadre.AssessmentYearTwice", "year", year, noted.Grade);
            }

            return;
        }

        Assessments.Add(new() { ReserveCadreId = Id, Year = year, Grade = name });
    }

    /// <summary>The yearly results as the incentive rule reads them.</summary>
    public IReadOnlyList<AnnualGrade> Grades() => [.. Assessments.Select(a => new AnnualGrade(a.Year, a.Grade))];

    private void CheckEnd(DateOnly from, DateOnly? to, ReservePosting? self)
    {
        if (to is { } end)
        {
            SaneDates.Demand(end, "to", "Field.Cadre.PostingTo");
            if (end < from)
            {
                throw new DomainRuleException("Cadre.ToBeforeFrom", "to");
            }
        }

        if (Postings.Find(p => !ReferenceEquals(p, self) && p.Overlaps(from, to)) is { } other)
        {
            throw new DomainRuleException("Cadre.PostingOverlap", "from", DateText.Format(other.From), DateText.Format(other.To));
        }
    }
}
