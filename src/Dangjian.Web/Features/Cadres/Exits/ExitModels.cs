using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>Strings of the exit-case pages and export (ExitText.resx, ExitText.en.resx).</summary>
public sealed class ExitText;

/// <summary>Opens a case (引咎辞职, 责令辞职, 免职) against a cadre of the organization's subtree; today when no day is given.</summary>
public sealed record OpenExitRequest(int? OrganizationId, int? PersonId, ExitKind? Kind, string? Grounds, DateOnly? OpenedOn);

/// <summary>The decision: outcome, deciding body, text, day (today when not given).</summary>
public sealed record DecideExitRequest(ExitOutcome? Outcome, string? DecidedBy, string? DecisionText, DateOnly? DecidedOn, int Version);

/// <summary>Drops a case before its decision, saying why.</summary>
public sealed record WithdrawExitRequest(string? Reason, DateOnly? On, int Version);

public sealed record ExitView(
    int Id, int OrganizationId, string OrganizationName, int PersonId, string PersonName, ExitKind Kind, string Grounds, DateOnly OpenedOn,
    ExitStatus Status, ExitOutcome? Outcome, string? DecidedBy, DateOnly? DecidedOn, string? DecisionText, int Version);

public sealed record ExitListView(int OrganizationId, string OrganizationName, Paged<ExitView> Items, bool CanWrite);

public sealed record ExitDetail(ExitView Case, bool CanWrite);
