using Dangjian.Domain.Meetings;

namespace Dangjian.Web.Features.Meetings.Consultation;

/// <summary>Strings of the consultation section, the public comment page and the export (ConsultationText.resx, .en.resx).</summary>
public sealed class ConsultationText;

// ---- Requests

/// <summary>Opens a public comment period on a major item: from a day (today or later) for a number of working days.</summary>
public sealed record OpenConsultationRequest(int? ItemId, string? Subject, DateOnly? OpensOn, int? WorkingDays);

public sealed record HearingRequest(int Version, DateOnly? HearingOn, int? Participants, string? Summary);

public sealed record ExpertOpinionRequest(int Version, string? ExpertName, string? Field, string? Opinion);

public sealed record ModerateCommentRequest(int Version, CommentStatus? Status);

/// <summary>A public comment as the public page posts it (the API takes the same for tests and other clients).</summary>
public sealed record PublicCommentRequest(string? Text);

// ---- Views

public sealed record CommentView(int Id, string Text, DateOnly ReceivedOn, CommentStatus Status);

public sealed record ExpertOpinionView(int Id, string ExpertName, string Field, string Opinion);

/// <summary>
/// A consultation as staff and members see it on the meeting page: the period and whether it still runs (no vote then),
/// the comments (hidden ones only to those who moderate), the hearing and the expert opinions.
/// </summary>
public sealed record ConsultationView(
    int Id, int AgendaItemId, int OrganizationId, string Subject, DateOnly OpensOn, int WorkingDays, DateOnly ClosesOn, bool TakesComments, bool Running,
    DateOnly? HearingOn, int? HearingParticipants, string? HearingSummary, IReadOnlyList<CommentView> Comments, int PublishedCount, int HiddenCount,
    IReadOnlyList<ExpertOpinionView> ExpertOpinions, bool MayRun, int Version);

/// <summary>What the public page shows of the consultation: no id of anyone (its published comments come apart, <see cref="PublicCommentView"/>).</summary>
public sealed record PublicConsultationForm(string OrganizationName, string ItemTitle, string Subject, DateOnly OpensOn, DateOnly ClosesOn, bool TakesComments);

/// <summary>A published comment as the public page lists it: its text and day, no id.</summary>
public sealed record PublicCommentView(string Text, DateOnly ReceivedOn);

public enum CommentOutcome
{
    Accepted,
    Invalid,
    Closed,
    NotFound,
}

public sealed record CommentResult(CommentOutcome Outcome, IReadOnlyList<Dangjian.Web.Infrastructure.FieldError> Errors);
