using Dangjian.Domain.Study;

namespace Dangjian.Web.Features.Study.Ranking;

/// <summary>Strings of the ranking page (StudyRankingText.resx, StudyRankingText.en.resx).</summary>
public sealed class StudyRankingText;

/// <summary>
/// A half-year's ranking of an organization's leaders: <see cref="Models"/> places for 自学标兵 and <see cref="Laggards"/>
/// for 后进 (a maximum: a tie is never split across a line).
/// </summary>
public sealed record ProposeStudyRankingRequest(int? OrganizationId, int? Year, int? Half, int? Models, int? Laggards);

/// <summary>The committee's decision on one person, and for a 后进 the rectification deadline and class.</summary>
public sealed record RankingDecisionRow(int? PersonId, RankingProposal? Decision, DateOnly? RectificationDeadline, string? ClassName);

/// <summary>The committee's decisions on many lines in one save.</summary>
public sealed record DecideStudyRankingRequest(IReadOnlyList<RankingDecisionRow>? Lines, int? Version);

/// <summary>The committee confirms the round.</summary>
public sealed record ConfirmStudyRankingRequest(int? Version);

public sealed record StudyRankingLineView(
    int PersonId, string Name, decimal Credits, decimal ExamScore, int Rank, RankingProposal Proposed, RankingProposal Decision,
    DateOnly? RectificationDeadline, string? ClassName);

public sealed record StudyRankingRoundView(
    int Id, int OrganizationId, int Year, int Half, DateOnly PeriodStart, DateOnly PeriodEnd, StudyRankingStatus Status,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt, IReadOnlyList<StudyRankingLineView> Lines, int Version);

/// <summary>An organization's rounds, newest first, and whether the caller may rank and decide.</summary>
public sealed record StudyRankingsView(int OrganizationId, string OrganizationName, IReadOnlyList<StudyRankingRoundView> Rounds, bool MayWrite);
