namespace Dangjian.Web.Features.Commitments.Defining;

/// <summary>An opinion a commitment may cite (意见建议, CMT-1): its id and the words the form shows for it.</summary>
public sealed record OpinionChoice(Guid Id, string Text);
