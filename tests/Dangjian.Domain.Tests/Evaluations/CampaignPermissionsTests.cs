using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

public sealed class CampaignPermissionTests
{
    [Fact]
    public void ToRun_MemberReview_IsTheBranchsOwnPermission()
    {
        Assert.Equal(Permission.EvaluationsRunMemberReview, CampaignPermissions.ToRun(CampaignKind.MemberReview));
        Assert.True(PermissionMatrix.Allows(AccountRole.Secretary, CampaignPermissions.ToRun(CampaignKind.MemberReview)));
    }

    [Theory]
    [InlineData(CampaignKind.DemocraticEvaluation)]
    [InlineData(CampaignKind.AnnualAssessment)]
    [InlineData(CampaignKind.SecretaryAssessment)]
    public void ToRun_EveryOtherKind_IsRunFromAbove(CampaignKind kind)
    {
        Assert.Equal(Permission.EvaluationsRun, CampaignPermissions.ToRun(kind));
        Assert.False(PermissionMatrix.Allows(AccountRole.Secretary, CampaignPermissions.ToRun(kind)));
    }
}
