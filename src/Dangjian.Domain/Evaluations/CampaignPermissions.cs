using Dangjian.Domain.Accounts;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// Which permission runs a campaign: a branch organizes its own yearly 民主评议党员 (《中国共产党支部工作条例（试行）》 gives
/// it to the branch), so a 民主评议党员 campaign asks for <see cref="Permission.EvaluationsRunMemberReview"/>, which the
/// branch secretary holds; the other kinds assess leaders and teams and are run from above, with
/// <see cref="Permission.EvaluationsRun"/>.
/// </summary>
public static class CampaignPermissions
{
    public static Permission ToRun(CampaignKind kind) =>
        kind == CampaignKind.MemberReview ? Permission.EvaluationsRunMemberReview : Permission.EvaluationsRun;
}
