using Dangjian.Domain.Teams;

namespace Dangjian.Data.Demo;

/// <summary>The line-up of each kind of team: role, title, 分管 (portfolio).</summary>
internal static class DemoSeats
{
    public static readonly (TeamRole Role, string Title, string Portfolio)[] District =
    [
        (TeamRole.Secretary, "书记", "主持区委全面工作"),
        (TeamRole.DeputySecretary, "副书记、区长", "主持区政府全面工作"),
        (TeamRole.DeputySecretary, "副书记", "协助书记处理区委日常工作，分管党群、乡村振兴"),
        (TeamRole.DisciplineCommitteeMember, "常委、区纪委书记、区监委主任", "纪检监察工作"),
        (TeamRole.OrganizationCommitteeMember, "常委、组织部部长", "组织、机构编制、人才工作"),
        (TeamRole.PropagandaCommitteeMember, "常委、宣传部部长", "宣传思想、意识形态、网信工作"),
        (TeamRole.CommitteeMember, "常委、政法委书记", "政法、平安建设"),
        (TeamRole.CommitteeMember, "常委、统战部部长", "统一战线、民族宗教工作"),
        (TeamRole.CommitteeMember, "常委、常务副区长", "发展改革、财政、审计"),
        (TeamRole.CommitteeMember, "常委、区委办公室主任", "区委办公室、保密、机要工作"),
        (TeamRole.CommitteeMember, "常委、区人武部政委", "人民武装工作"),
    ];

    // {head} 镇长 / 乡长 / 办事处主任; {gov} 政府 / 办事处; {area} 乡村振兴 / 社区治理.
    public static readonly (TeamRole Role, string Title, string Portfolio)[] Township =
    [
        (TeamRole.Secretary, "书记", "主持党委全面工作"),
        (TeamRole.DeputySecretary, "副书记、{head}", "主持{gov}全面工作"),
        (TeamRole.DeputySecretary, "副书记", "党建、群团、{area}工作"),
        (TeamRole.DisciplineCommitteeMember, "委员、纪委书记", "纪检监察、党风廉政建设"),
        (TeamRole.OrganizationCommitteeMember, "组织委员", "组织、人事、人才工作"),
        (TeamRole.PropagandaCommitteeMember, "宣传委员", "宣传思想、意识形态、统战工作"),
        (TeamRole.CommitteeMember, "政法委员", "政法、综治维稳、信访工作"),
        (TeamRole.CommitteeMember, "委员、人武部部长", "人民武装、应急管理工作"),
    ];

    // {affairs} 村务 / 居务.
    public static readonly (TeamRole Role, string Title, string Portfolio)[] GeneralBranch =
    [
        (TeamRole.Secretary, "书记", "主持党总支全面工作"),
        (TeamRole.DeputySecretary, "副书记", "协助书记工作，分管{affairs}"),
        (TeamRole.OrganizationCommitteeMember, "组织委员", "组织工作、发展党员、党费收缴"),
        (TeamRole.PropagandaCommitteeMember, "宣传委员", "宣传思想、精神文明建设"),
        (TeamRole.DisciplineCommitteeMember, "纪检委员", "纪律检查、党风廉政建设"),
    ];

    public static readonly (TeamRole Role, string Title, string Portfolio)[] Branch =
    [
        (TeamRole.Secretary, "书记", "主持支部全面工作"),
        (TeamRole.OrganizationCommitteeMember, "组织委员", "组织工作、发展党员、党费收缴"),
        (TeamRole.PropagandaCommitteeMember, "宣传委员", "宣传思想、精神文明建设"),
        (TeamRole.DisciplineCommitteeMember, "纪检委员", "纪律检查、党风廉政建设"),
    ];

    public static readonly (TeamRole Role, string Title, string Portfolio)[] SmallBranch =
    [
        (TeamRole.Secretary, "书记", "主持支部全面工作"),
        (TeamRole.OrganizationCommitteeMember, "组织委员", "组织、宣传工作"),
        (TeamRole.DisciplineCommitteeMember, "纪检委员", "纪律检查、群团工作"),
    ];
}
