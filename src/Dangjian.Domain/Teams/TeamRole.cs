namespace Dangjian.Domain.Teams;

/// <summary>Roles in a leadership team (ORG-2).</summary>
public enum TeamRole
{
    /// <summary>书记</summary>
    Secretary = 0,

    /// <summary>副书记</summary>
    DeputySecretary = 1,

    /// <summary>委员</summary>
    CommitteeMember = 2,

    /// <summary>纪检委员</summary>
    DisciplineCommitteeMember = 3,

    /// <summary>组织委员</summary>
    OrganizationCommitteeMember = 4,

    /// <summary>宣传委员</summary>
    PropagandaCommitteeMember = 5,

    /// <summary>青年委员</summary>
    YouthCommitteeMember = 6,

    /// <summary>妇女委员</summary>
    WomenCommitteeMember = 7,
}
