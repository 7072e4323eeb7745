using Dangjian.Web.Features.Audit;

namespace Dangjian.Web.Tests.Audit;

/// <summary>What a history entry shows as changed: only fields whose value differs, hidden bookkeeping left out.</summary>
public sealed class AuditDiffTests
{
    [Fact]
    public void Of_Update_ListsOnlyChangedFields()
    {
        var changes = AuditDiff.Changes(
            """{"Code":"A1","Kind":30,"Name":"旧名","ParentId":2,"Version":3,"DissolvedOn":null}""",
            """{"Code":"A1","Kind":20,"Name":"新名","ParentId":2,"Version":4,"DissolvedOn":"2026-01-02"}""",
            new HashSet<string> { "Version" });

        Assert.Equal(
            [new FieldChange("Kind", "30", "20"), new FieldChange("Name", "旧名", "新名"), new FieldChange("DissolvedOn", null, "2026-01-02")],
            changes.OrderBy(c => c.Field == "DissolvedOn").ThenBy(c => c.Field, StringComparer.Ordinal));
    }

    [Fact]
    public void Of_Creation_ListsFieldsWithValues()
    {
        var changes = AuditDiff.Changes(null, """{"Code":"A1","Name":"新建","DissolvedOn":null}""");

        Assert.Equal([new FieldChange("Code", null, "A1"), new FieldChange("Name", null, "新建")], changes);
    }

    [Fact]
    public void Of_NothingChangedOrNotJson_IsEmpty()
    {
        Assert.Empty(AuditDiff.Changes("""{"Name":"同"}""", """{"Name":"同"}"""));
        Assert.Empty(AuditDiff.Changes("not json", null));
    }
}
