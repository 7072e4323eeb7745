using Dangjian.Domain.Accounts;

namespace Dangjian.Domain.Tests.Accounts;

public sealed class ApiTokenTests
{
    [Fact]
    public void IsActingAs_IssuedByHolder_IsFalse_ByAnother_IsTrue()
    {
        var token = new ApiToken { CreatedBy = "user.a" };

        Assert.False(token.IsActingAs("user.a"));
        Assert.True(token.IsActingAs("user.b"));
        Assert.True(token.IsActingAs("USER.A")); // user names are stored as typed; a different spelling is another issuer
    }

    [Fact]
    public void ActorName_OwnToken_IsTheHolder_AnotherIssuer_NamesBoth()
    {
        Assert.Equal("user.a", ApiToken.ActorName("user.a", "user.a"));
        Assert.Equal("admin as user.a", ApiToken.ActorName("user.a", "admin"));
    }
}
