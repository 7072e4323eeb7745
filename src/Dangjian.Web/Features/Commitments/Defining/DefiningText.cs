namespace Dangjian.Web.Features.Commitments.Defining;

/// <summary>
/// The strings of 定 (CMT-1) as the member and the clerk write commitments: the member's section of /me and the clerk's
/// entry on the campaign page (DefiningText.resx, DefiningText.en.resx).
/// </summary>
public sealed class DefiningText;
