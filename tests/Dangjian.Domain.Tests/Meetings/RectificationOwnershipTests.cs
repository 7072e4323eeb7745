using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>Whose a rectification measure is: the 责任人 text names exactly one of the organization's people, or no one.</summary>
public sealed class RectificationOwnershipTests
{
    private static readonly (int Id, string Name)[] Branch = [(1, "张伟"), (2, "李秀英"), (3, "王芳")];

    [Theory]
    [InlineData("张伟")]
    [InlineData(" 张伟 ")]
    public void OwnerAmong_TheirExactName_ThatPerson(string owner) =>
        Assert.Equal(1, RectificationOwnership.OwnerAmong(owner, Branch));

    [Theory]
    [InlineData("张伟等")]
    [InlineData("张")]
    [InlineData("张 伟")]
    [InlineData("党委办公室")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void OwnerAmong_NotExactlyAName_NoOne(string? owner) =>
        Assert.Null(RectificationOwnership.OwnerAmong(owner, Branch));

    [Fact]
    public void OwnerAmong_TwoPeopleBearTheName_NoOne() =>
        Assert.Null(RectificationOwnership.OwnerAmong("张伟", [.. Branch, (4, "张伟")]));

    [Fact]
    public void OwnerAmong_OnePersonListedTwice_StillThatPerson() =>
        Assert.Equal(1, RectificationOwnership.OwnerAmong("张伟", [.. Branch, (1, "张伟")]));

    [Fact]
    public void OwnerAmong_NameOfSomeoneOutsideTheOrganization_NoOne() =>
        Assert.Null(RectificationOwnership.OwnerAmong("赵敏", Branch));

    [Theory]
    [InlineData("张伟", "张伟", true)]
    [InlineData("张伟 ", " 张伟", true)]
    [InlineData("张伟", "张伟伟", false)]
    [InlineData("", "", false)]
    [InlineData(" ", " ", false)]
    public void Names_ExactNameOnly(string owner, string name, bool names) =>
        Assert.Equal(names, RectificationOwnership.Names(owner, name));
}
