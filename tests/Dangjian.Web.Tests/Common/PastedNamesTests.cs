using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Tests.Common;

/// <summary>A column of names pasted from Excel, matched against a bulk table's rows.</summary>
public sealed class PastedNamesTests
{
    [Fact]
    public void Parse_SkipsHeaderAndBlanks_TakesFirstColumn_TrimsFullWidthSpaces_KeepsEachOnce()
    {
        var pasted = PastedNames.Parse("姓名\t电话\r\n张三\t13800000000\r\n\r\n　李四　\r\n张三\r\n王　伟\t\r\n");

        Assert.Equal(["张三", "李四", "王　伟"], pasted.Names);
    }

    [Fact]
    public void Parse_EmptyOrNull_HasNoNames()
    {
        Assert.Empty(PastedNames.Parse(null).Names);
        Assert.Empty(PastedNames.Parse(" \n\t\n").Names);
    }

    [Fact]
    public void Match_PaddedNameMatches_UnknownListed_TwoPeopleOfOneNameAmbiguous()
    {
        var rows = new[] { (1, "张三"), (2, "王伟"), (3, "李四"), (4, "李四") };

        var match = PastedNames.Parse("王 伟\n张三\n赵六\n李四").Match(rows);

        Assert.Equal([2, 1], match.Ids);
        Assert.Equal(["赵六"], match.Unmatched);
        Assert.Equal(["李四"], match.Ambiguous);
    }
}
