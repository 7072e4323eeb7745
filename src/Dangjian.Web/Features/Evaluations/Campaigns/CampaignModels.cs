using Dangjian.Domain.Evaluations;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>Strings of the evaluation campaign pages (CampaignText.resx, CampaignText.en.resx).</summary>
public sealed class CampaignText;

// Templates (EVA-1, EVA-2)
public sealed record TemplateRow(int Id, string Name, int Dimensions, int ScalePoints, int VetoItems, bool Archived, int Version);

public sealed record TemplateView(int Id, string Name, EvaluationCriteria Criteria, bool Archived, int Version);

public sealed record TemplateRequest(string? Name, EvaluationCriteria? Criteria, int Version = 0);

// Campaigns (EVA-3, EVA-8)
public sealed record CampaignRow(
    int Id, string Title, int Year, CampaignKind Kind, SubjectKind SubjectKind, CampaignStatus Status,
    int OrganizationId, string OrganizationName, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Subjects, int Groups);

public sealed record CreateCampaignRequest(
    int? OrganizationId,
    string? Title,
    int? Year,
    CampaignKind? Kind,
    SubjectKind? SubjectKind,
    int? TemplateId,
    IReadOnlyList<GradeRule>? Grades,
    ComponentWeights? Components,
    string? VetoGrade,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt);

public sealed record UpdateCampaignRequest(
    string? Title,
    int? Year,
    SubjectKind? SubjectKind,
    IReadOnlyList<GradeRule>? Grades,
    ComponentWeights? Components,
    string? VetoGrade,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int Version);

public sealed record CampaignView(
    int Id,
    string Title,
    int Year,
    CampaignKind Kind,
    SubjectKind SubjectKind,
    CampaignStatus Status,
    int OrganizationId,
    string OrganizationName,
    int? TemplateId,
    string? TemplateName,
    EvaluationCriteria Criteria,
    IReadOnlyList<GradeRule> Grades,
    ComponentWeights Components,
    string VetoGrade,
    string? Announcement,
    DateTimeOffset? AnnouncedAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string Seed,
    bool AcceptingNow,
    IReadOnlyList<SubjectView> Subjects,
    IReadOnlyList<GroupView> Groups,
    bool MayWrite,
    int Version);

public sealed record SubjectView(int Id, string Name, string? Description, int? PersonId, int? SubjectOrganizationId, int Order, int Version);

public sealed record SubjectRequest(string? Name, string? Description, int? PersonId, int? OrganizationId);

/// <summary>Where a bulk add takes its subjects from.</summary>
public enum SubjectSource
{
    /// <summary>The current leadership team's members of an organization.</summary>
    TeamMembers,

    /// <summary>The secretaries of the current teams of the branches under an organization.</summary>
    BranchSecretaries,

    /// <summary>The full members (正式党员) of a branch; 预备党员 evaluate but are not graded (EVA-10).</summary>
    BranchMembers,
}

public sealed record BulkSubjectsRequest(SubjectSource? Source, int? OrganizationId);

public sealed record BulkSubjectsResult(int Added, int Skipped);

public sealed record ReorderRequest(IReadOnlyList<int>? SubjectIds);

public sealed record GroupView(
    int Id, string Name, EvaluatorKind Kind, decimal Weight, int Order, int? SampleSize, bool Stratified, string? PopulationNote,
    int CodesIssued, int ResponsesReceived, bool BoxOpen, bool BoxClosed, int Version);

public sealed record GroupRequest(string? Name, EvaluatorKind? Kind, decimal? Weight, int Version = 0);

public sealed record AnnounceRequest(string? Announcement, int Version);

public sealed record StatusRequest(int Version);

/// <summary>Live progress of one group: counts only, never who (EVA-5).</summary>
public sealed record GroupProgress(int GroupId, string Name, int CodesIssued, int ResponsesReceived, decimal Share, bool BoxOpen, bool BoxClosed);

public sealed record CampaignProgress(int CampaignId, CampaignStatus Status, bool AcceptingNow, IReadOnlyList<GroupProgress> Groups);

// Sampling (EVA-4)
public sealed record DrawMembersRequest(int? OrganizationId, int? Count, bool Stratified = false);

public sealed record DrawnEvaluator(int Rank, string Key, string Name, string? Stratum);

public sealed record SampleView(
    int GroupId, string GroupName, int CampaignId, string CampaignTitle, string Seed, int? SampleSize, bool Stratified, string? PopulationNote,
    IReadOnlyList<DrawnEvaluator> Drawn);

// Codes (EVA-5)
public sealed record IssueEvaluationCodesRequest(int? Count);

public sealed record IssuedEvaluationCodes(int GroupId, string GroupName, string CampaignTitle, string FormAddress, IReadOnlyList<string> Codes, GroupProgress Progress);
