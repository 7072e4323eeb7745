using Dangjian.Domain.Commitments;

namespace Dangjian.Web.Features.Commitments.Opinions;

/// <summary>Strings of the opinions, the suggestion form, 备案 and the printable board (OpinionText.resx, OpinionText.en.resx).</summary>
public sealed class OpinionText;

/// <summary>An opinion staff took down (座谈会 or 调研走访); <c>submitterName</c> only when the person agreed to be named.</summary>
public sealed record CommitmentOpinionRequest(OpinionChannel? Channel, string? Text, DateOnly? ReceivedOn, string? SubmitterName);

public sealed record CommitmentOpinionView(Guid Id, OpinionChannel Channel, string Text, DateOnly ReceivedOn, string? SubmitterName);

/// <summary>
/// A campaign's opinions: whether collection is open (定), the count per channel, and every opinion ordered by channel
/// then text, so the list shows nothing of the order they came in.
/// </summary>
public sealed record CommitmentOpinionList(bool Open, IReadOnlyDictionary<OpinionChannel, int> Counts, IReadOnlyList<CommitmentOpinionView> Opinions);
