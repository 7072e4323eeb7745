using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Tests.Organizations;

/// <summary>组织代码: 2–32 upper-case letters, digits, '.' and '-', a letter or digit at each end (the demo's D01.T01.B001 form).</summary>
public sealed class OrganizationCodeTests
{
    [Theory]
    [InlineData("D0")]                                // the shortest
    [InlineData("D01")]
    [InlineData("D01.T01")]
    [InlineData("D01.T01.Z01")]
    [InlineData("D01.T01.B001.G1")]
    [InlineData("NO-SUCH-CODE")]
    [InlineData("0000")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]  // the longest: 32
    public void IsValidCode_InFormat_True(string code) => Assert.True(Organization.IsValidCode(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("D")]                                 // one short
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33: one long
    [InlineData("d01")]
    [InlineData("D01 T01")]
    [InlineData(" D01")]
    [InlineData(".D01")]
    [InlineData("D01-")]
    [InlineData("D01_T01")]
    [InlineData("D01/T01")]
    [InlineData("一支部")]
    [InlineData("Ｄ０１")]                            // full-width letters and digits
    public void IsValidCode_OutOfFormat_False(string? code) => Assert.False(Organization.IsValidCode(code));

    [Fact]
    public void EnsureCode_OutOfFormat_NamesTheFieldWithTheBounds()
    {
        var e = Assert.Throws<DomainRuleException>(() => Organization.EnsureCode("x"));
        Assert.Equal(("code", Organization.CodeFormatRule), (e.Field, e.Code));
        Assert.Equal([Organization.MinCodeLength, Organization.MaxCodeLength], e.Arguments);
    }

    [Fact]
    public void EnsureCode_InFormat_DoesNotThrow() => Organization.EnsureCode("D01.T01");
}
