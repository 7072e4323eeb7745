using Dangjian.Domain.Common;
using Dangjian.Domain.Units;

namespace Dangjian.Domain.Tests.Units;

/// <summary>A unit's record (ORG-4): name, kind, area and a headcount within bounds; no organization is a 空白点, allowed.</summary>
public sealed class UnitRulesTests
{
    private static IReadOnlyList<FieldProblem> Problems(string? name = "东吴村", UnitKind? kind = UnitKind.Village, int? area = 1, int? org = null, int? headcount = 120) =>
        UnitRules.Check(new UnitFacts(name, kind, area, org, headcount)).Problems;

    [Fact]
    public void NameOfTheLongestLength_Accepted() => Assert.Empty(Problems(name: new string('村', Unit.MaxNameLength)));

    [Fact]
    public void NameOneLonger_TooLong() => Assert.Equal(("name", "Input.TooLong"), Assert.Single(Problems(name: new string('村', Unit.MaxNameLength + 1))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void BlankName_Required() => Assert.Equal(("name", "Input.Required"), Assert.Single(Problems(name: "  ")) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void HeadcountZero_Accepted() => Assert.Empty(Problems(headcount: 0));

    [Fact]
    public void HeadcountMinusOne_OutOfRange() => Assert.Equal(("headcount", "Input.OutOfRange"), Assert.Single(Problems(headcount: -1)) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void HeadcountAtTheBound_Accepted() => Assert.Empty(Problems(headcount: UnitRules.MaxHeadcount));

    [Fact]
    public void HeadcountPastTheBound_OutOfRange() => Assert.Equal("Input.OutOfRange", Assert.Single(Problems(headcount: UnitRules.MaxHeadcount + 1)).Code);

    [Fact]
    public void HeadcountLeftOut_Zero() => Assert.Equal(0, UnitRules.Check(new UnitFacts("东吴村", UnitKind.Village, 1, null, null)).Facts.Headcount);

    [Fact]
    public void UnknownKind_AndNoArea_BothNamed() =>
        Assert.Equal(["areaOrganizationId", "kind"], Problems(kind: (UnitKind)99, area: null).Select(p => p.Field).Order(StringComparer.Ordinal));

    [Fact]
    public void NoOrganization_Accepted_AsAGap() => Assert.Empty(Problems(org: null));

    [Fact]
    public void Apply_Refused_ChangesNothing()
    {
        var unit = new Unit { Name = "旧名", Headcount = 5 };

        Assert.Throws<DomainRuleException>(() => UnitRules.Apply(unit, new UnitFacts(" 新名 ", UnitKind.Enterprise, 1, 2, -1)));

        Assert.Equal(("旧名", 5), (unit.Name, unit.Headcount));
    }

    [Fact]
    public void Apply_Accepted_TrimsTheName()
    {
        var unit = new Unit();

        UnitRules.Apply(unit, new UnitFacts(" 新名 ", UnitKind.Enterprise, 1, 2, 30));

        Assert.Equal(("新名", UnitKind.Enterprise, 1, (int?)2, 30), (unit.Name, unit.Kind, unit.AreaOrganizationId, unit.OrganizationId, unit.Headcount));
    }
}
