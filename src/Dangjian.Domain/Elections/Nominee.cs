using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// 被选举人 (ELE-4): a person nominated for a body, by whichever route (all routes on an equal footing), with the
/// four vetting checks (ELE-5) and the profile the candidate introduction shows (ELE-9).
/// </summary>
public sealed class Nominee : IVersioned
{
    public const int MaxNominatorsLength = 1000;
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int BodyId { get; set; }

    public int PersonId { get; set; }

    public NominationSource Source { get; set; }

    /// <summary>联名提名: the delegates or members who nominated jointly, as written ("张三、李四、王五").</summary>
    public string? JointNominators { get; set; }

    /// <summary>简历/简介 for the candidate introduction.</summary>
    public string? Profile { get; set; }

    /// <summary>德能勤绩廉 review results (考察情况) for the candidate introduction.</summary>
    public string? ReviewSummary { get; set; }

    /// <summary>The candidate's own statement (表态/竞职陈述).</summary>
    public string? Statement { get; set; }

    /// <summary>On the candidate list (候选人) once the list is fixed or by the preliminary vote.</summary>
    public bool OnList { get; set; }

    /// <summary>Set when a proven misconduct report disqualifies the nominee (ELE-14, 一票否决).</summary>
    public int? DisqualifiedByReportId { get; set; }

    public List<VettingCheck> Checks { get; set; } = [];

    public int Version { get; set; }
}

public enum NominationSource
{
    /// <summary>上级党组织提名.</summary>
    Superior,

    /// <summary>代表/党员联名提名.</summary>
    Joint,

    /// <summary>个人自荐.</summary>
    Self,

    /// <summary>公推 (ELE-15).</summary>
    PublicRecommendation,
}

/// <summary>One of the four checks of 四个凡提必 (ELE-5), with its result and who did it.</summary>
public sealed class VettingCheck : IVersioned
{
    public const int MaxByLength = 100;

    public int Id { get; set; }

    public int NomineeId { get; set; }

    public VettingKind Kind { get; set; }

    public VettingResult Result { get; set; }

    /// <summary>Who did the check (a person or an office, as written).</summary>
    public string? CheckedBy { get; set; }

    public DateOnly? CheckedOn { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}

public enum VettingKind
{
    /// <summary>干部档案凡提必审.</summary>
    Dossier,

    /// <summary>个人有关事项报告凡提必核.</summary>
    PersonalMatters,

    /// <summary>纪检监察机关意见凡提必听.</summary>
    DisciplineOpinion,

    /// <summary>线索具体的信访举报凡提必查.</summary>
    Petitions,
}

public enum VettingResult
{
    Open,
    Passed,
    Failed,
}

/// <summary>What one check records (ELE-5): its result, who did it, when, and a note.</summary>
public sealed record VettingEntry(VettingResult Result, string? CheckedBy, DateOnly? CheckedOn, string? Note);

/// <summary>Why a nominee cannot be put on the candidate list (empty when they can), and how a check is recorded.</summary>
public static class Vetting
{
    /// <summary>
    /// The nominee rows one check of <paramref name="nominee"/> covers: the four checks look at a person (their dossier,
    /// personal matters, the discipline organ's opinion, petitions about them; seed 001 第四篇 "四个凡提必"), not at the body
    /// they are nominated to, so a person nominated to two bodies of one project is vetted once. The nominee itself first.
    /// </summary>
    public static IReadOnlyList<Nominee> SamePerson(Nominee nominee, IEnumerable<Nominee> projectNominees)
    {
        ArgumentNullException.ThrowIfNull(nominee);
        ArgumentNullException.ThrowIfNull(projectNominees);
        return [nominee, .. projectNominees.Where(n => n.Id != nominee.Id && n.PersonId == nominee.PersonId && n.ProjectId == nominee.ProjectId)];
    }

    /// <summary>
    /// Records <paramref name="entry"/> as the <paramref name="kind"/> check of the nominee and of every other nominee row of
    /// the same person in the project (<see cref="SamePerson"/>); returns the checks it changed.
    /// </summary>
    public static IReadOnlyList<VettingCheck> Record(Nominee nominee, IEnumerable<Nominee> projectNominees, VettingKind kind, VettingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var changed = new List<VettingCheck>();
        foreach (var row in SamePerson(nominee, projectNominees))
        {
            var check = row.Checks.FirstOrDefault(c => c.Kind == kind);
            if (check is null)
            {
                check = new VettingCheck { NomineeId = row.Id, Kind = kind };
                row.Checks.Add(check);
            }

            if (check.Id == 0 || check.Result != entry.Result || check.CheckedBy != entry.CheckedBy || check.CheckedOn != entry.CheckedOn || check.Note != entry.Note)
            {
                (check.Result, check.CheckedBy, check.CheckedOn, check.Note) = (entry.Result, entry.CheckedBy, entry.CheckedOn, entry.Note);
                changed.Add(check);
            }
        }

        return changed;
    }

    public static IReadOnlyList<string> Blockers(Nominee nominee)
    {
        var blockers = new List<string>();
        if (nominee.DisqualifiedByReportId is not null)
        {
            blockers.Add("Disqualified");
        }

        var byKind = nominee.Checks.ToDictionary(c => c.Kind);
        foreach (var kind in Enum.GetValues<VettingKind>())
        {
            if (!byKind.TryGetValue(kind, out var check) || check.Result == VettingResult.Open)
            {
                blockers.Add($"Open.{kind}");
            }
            else if (check.Result == VettingResult.Failed)
            {
                blockers.Add($"Failed.{kind}");
            }
        }

        return blockers;
    }
}
