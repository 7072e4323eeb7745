using Dangjian.Domain.Secrecy;

namespace Dangjian.Domain.Tests.Secrecy;

public sealed class PublicLinkTokenTests
{
    [Fact]
    public void New_IsLongRandomAndUrlSafe()
    {
        var a = PublicLinkToken.New();
        var b = PublicLinkToken.New();
        Assert.NotEqual(a, b);
        Assert.Equal(PublicLinkToken.Length, a.Length);
        Assert.All(a, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Fact]
    public void Hash_WellFormedToken_Is64HexDigitsAndDiffersPerToken()
    {
        var a = PublicLinkToken.New();
        var b = PublicLinkToken.New();
        Assert.Matches("^[0-9a-f]{64}$", PublicLinkToken.Hash(a)!);
        Assert.Equal(PublicLinkToken.Hash(a), PublicLinkToken.Hash(a));
        Assert.NotEqual(PublicLinkToken.Hash(a), PublicLinkToken.Hash(b));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 42: one short
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 44: one long
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")] // 43 with a character outside URL-safe base64
    public void Hash_TextThatCannotBeAToken_IsNull(string? text) => Assert.Null(PublicLinkToken.Hash(text));

    [Fact]
    public void Hash_43UrlSafeCharacters_IsLookedUp() => Assert.NotNull(PublicLinkToken.Hash(new string('a', 42) + "_"));
}
