using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-2: the party-affairs talent pool (seed 003, 3 (2) 建立党务干部人才库).</summary>
public sealed class TalentPoolEntryTests
{
    private static TalentProfile Profile(TalentAvailability availability = TalentAvailability.Available, params string?[] skills) =>
        new(TalentCategory.Versatile, skills.Length == 0 ? ["组织工作", "宣传"] : skills, ["党办主任"], availability);

    private static TalentPoolEntry Enter(int person, TalentProfile? profile = null, string on = "2025-01-10", params TalentPoolEntry[] earlier) =>
        TalentPoolEntry.Enter(person, 1, profile ?? Profile(), D(on), "支部推荐", earlier, Today);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void Enter_KeepsTheProfile_Trimmed()
    {
        var e = Enter(1, new(TalentCategory.Specialist, [" 组织工作 ", "", null, "Excel"], ["党支部书记 "], TalentAvailability.Limited));

        Assert.Equal((TalentCategory.Specialist, TalentAvailability.Limited), (e.Category, e.Availability));
        Assert.Equal(["组织工作", "Excel"], e.Skills);
        Assert.Equal(["党支部书记"], e.PostsHeld);
    }

    [Fact]
    public void Enter_WhileOpen_IsRefused_AfterLeaving_OpensANewEntry()
    {
        var first = Enter(1);
        Assert.Equal("Cadre.PoolEntryTwice", Refused(() => Enter(1, null, "2025-02-01", first)).Code);

        first.Leave(D("2025-12-31"), "调离党务岗位", Today);

        Assert.True(Enter(1, null, "2026-01-05", first).IsOpen);
    }

    [Theory]
    [InlineData("组织工作", "组织工作")]
    [InlineData("Excel", " excel ")]
    public void Enter_ASkillTwice_IsRefusedNamingTheRepeat(string first, string again)
    {
        var ex = Refused(() => Enter(1, Profile(TalentAvailability.Available, first, "宣传", again)));

        Assert.Equal(("Cadre.TagTwice", "skills[2]"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Enter_WithoutASkill_IsRefused()
    {
        var ex = Refused(() => Enter(1, Profile(TalentAvailability.Available, " ", null)));

        Assert.Equal(("Input.Required", "skills"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Enter_TenSkillsAreEnough_AnEleventhIsRefused(int count, bool accepted)
    {
        var skills = Enumerable.Range(1, count).Select(i => (string?)$"技能{i}").ToArray();

        if (accepted)
        {
            Assert.Equal(count, Enter(1, Profile(TalentAvailability.Available, skills)).Skills.Count);
        }
        else
        {
            var ex = Refused(() => Enter(1, Profile(TalentAvailability.Available, skills)));
            Assert.Equal(("Cadre.TooManyTags", "skills[10]"), (ex.Code, ex.Field));
        }
    }

    [Fact]
    public void Enter_ASkillTooLong_IsRefused()
    {
        var ex = Refused(() => Enter(1, Profile(TalentAvailability.Available, new string('技', TalentPoolEntry.MaxSkillLength + 1))));

        Assert.Equal(("Input.TooLong", "skills[0]"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData(TalentCategory.Specialist, (TalentAvailability)7, "availability")]
    [InlineData((TalentCategory)7, TalentAvailability.Available, "category")]
    public void Enter_UnknownCategoryOrAvailability_IsRefused(TalentCategory category, TalentAvailability availability, string field)
    {
        var ex = Refused(() => Enter(1, new(category, ["宣传"], [], availability)));

        Assert.Equal(("Input.Invalid", field), (ex.Code, ex.Field));
    }

    [Fact]
    public void Update_AClosedEntry_IsRefused_AnOpenOneChanges()
    {
        var e = Enter(1);
        e.Update(Profile(TalentAvailability.Unavailable, "纪检"));
        Assert.Equal(["纪检"], e.Skills);
        Assert.Equal(TalentAvailability.Unavailable, e.Availability);

        e.Leave(D("2026-01-01"), "退休", Today);

        Assert.Equal("Cadre.PoolEntryClosed", Refused(() => e.Update(Profile())).Code);
    }

    [Fact]
    public void BySkill_FindsThoseInThePoolWithEverySkill_AvailableFirst()
    {
        var limited = Enter(1, Profile(TalentAvailability.Limited, "组织工作", "宣传"), "2024-01-01");
        var available = Enter(2, Profile(TalentAvailability.Available, "宣传", "组织工作"), "2025-06-01");
        var unavailable = Enter(3, Profile(TalentAvailability.Unavailable, "组织工作", "宣传"));
        var otherSkill = Enter(4, Profile(TalentAvailability.Available, "组织工作"));
        var left = Enter(5, Profile(TalentAvailability.Available, "组织工作", "宣传"));
        left.Leave(D("2026-01-01"), "调离", Today);
        var all = new[] { limited, available, unavailable, otherSkill, left };

        Assert.Equal([available, limited], TalentSearch.BySkill(all, [" 宣传", "组织工作"], Today));
        Assert.Equal([available, limited, unavailable], TalentSearch.BySkill(all, ["宣传", "组织工作"], Today, includeUnavailable: true));
        // The day before it closed, the entry that left is still found: available, and longer in the pool than the other.
        Assert.Equal([left, available, limited], TalentSearch.BySkill(all, ["宣传"], D("2025-12-31")));
    }

    [Fact]
    public void BySkill_CaseAside_AndNoSkillGivenFindsEveryone()
    {
        var e = Enter(1, Profile(TalentAvailability.Available, "Excel"));

        Assert.Equal([e], TalentSearch.BySkill([e], ["EXCEL"], Today));
        Assert.Equal([e], TalentSearch.BySkill([e], [], Today));
        Assert.Empty(TalentSearch.BySkill([e], ["Word"], Today));
    }
}
