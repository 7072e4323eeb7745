namespace Dangjian.Domain.Accounts;

/// <summary>
/// Who may do what: the one role × permission matrix (DESIGN.md "Permissions"). A role holds a permission over the
/// subtree it is granted on, never beyond (<see cref="Scope"/>). README prints this table.
/// <list type="bullet">
/// <item>DistrictAdmin (组织部): everything.</item>
/// <item>OrgAdmin: everything in its subtree (for a township committee: taking up its branches' 三服务 needs, setting theme
/// education campaigns, the delegates of its congress) except the district-wide calendar, evaluation templates and the report box
/// (a report may be about the subtree's own administrators).</item>
/// <item>Secretary (书记): runs the organization's own work, as 《中国共产党支部工作条例（试行）》 gives it to the branch
/// committee and its secretary — meetings and their agenda, attendance, votes and minutes, democratic life meetings,
/// surveys, the yearly 民主评议党员, the branch's 公开承诺 and its 支委会 review of them, the collection of its members' dues (党费收缴, 中组发〔2008〕3号), its members' study records and training (党员教育), the organization's 三务公开 board and its answers to rectification notices, its 谈心谈话 register, the 三服务 needs it raises, the activities of a theme education campaign it carries out and a handling unit's answers to delegates' proposals — but does not restructure the tree, manage accounts, edit the roster or run
/// elections or cadre work (those stay with the superior organization and the organization department).</item>
/// <item>Supervisor (监督员): reads, and the audit log.</item>
/// <item>Member: reads what concerns them; never the roster beyond their own record, nor dues or study records beyond their own (on /me), nor cadre files, 三服务 requests or talk records.</item>
/// </list>
/// </summary>
public static class PermissionMatrix
{
    private const bool Y = true;
    private const bool N = false;

    private static readonly Row[] Rows =
    [
        //                                                               District  Org  Secre- Member Super-
        //                                                               Admin     Admin tary         visor
        new(Permission.OrganizationsRead, "Organizations.Read",               Y,    Y,    Y,    Y,    Y),
        new(Permission.OrganizationsRestructure, "Organizations.Restructure", Y,    Y,    N,    N,    N),
        new(Permission.TeamsEdit, "Teams.Edit",                               Y,    Y,    N,    N,    N),
        new(Permission.UnitsEdit, "Units.Edit",                               Y,    Y,    N,    N,    N),
        new(Permission.PeopleRead, "People.Read",                             Y,    Y,    Y,    N,    Y),
        new(Permission.PeopleEdit, "People.Edit",                             Y,    Y,    N,    N,    N),
        new(Permission.PeopleImport, "People.Import",                         Y,    Y,    N,    N,    N),
        new(Permission.AccountsOwn, "Accounts.Own",                           Y,    Y,    Y,    Y,    Y),
        new(Permission.AccountsManage, "Accounts.Manage",                     Y,    Y,    N,    N,    N),
        new(Permission.AuditRead, "Audit.Read",                               Y,    Y,    N,    N,    Y),
        new(Permission.CalendarRead, "Calendar.Read",                         Y,    Y,    Y,    Y,    Y),
        new(Permission.CalendarEdit, "Calendar.Edit",                         Y,    N,    N,    N,    N),
        new(Permission.MeetingsRead, "Meetings.Read",                         Y,    Y,    Y,    Y,    Y),
        new(Permission.MeetingsRun, "Meetings.Run",                           Y,    Y,    Y,    N,    N),
        new(Permission.MeetingsRule, "Meetings.Rule",                         Y,    Y,    Y,    N,    N),
        new(Permission.MinutesWrite, "Minutes.Write",                         Y,    Y,    Y,    N,    N),
        new(Permission.MinutesSign, "Minutes.Sign",                           Y,    Y,    Y,    N,    N),
        new(Permission.DemocraticLifeRun, "DemocraticLife.Run",               Y,    Y,    Y,    N,    N),
        new(Permission.ElectionsRead, "Elections.Read",                       Y,    Y,    Y,    Y,    Y),
        new(Permission.ElectionsRun, "Elections.Run",                         Y,    Y,    N,    N,    N),
        new(Permission.EvaluationsRead, "Evaluations.Read",                   Y,    Y,    Y,    Y,    Y),
        new(Permission.EvaluationsDesign, "Evaluations.Design",               Y,    N,    N,    N,    N),
        new(Permission.EvaluationsRun, "Evaluations.Run",                     Y,    Y,    N,    N,    N),
        new(Permission.EvaluationsRunMemberReview, "Evaluations.RunMemberReview", Y, Y,    Y,    N,    N),
        new(Permission.SurveysRead, "Surveys.Read",                           Y,    Y,    Y,    Y,    Y),
        new(Permission.SurveysRun, "Surveys.Run",                             Y,    Y,    Y,    N,    N),
        new(Permission.CommitmentsRead, "Commitments.Read",                   Y,    Y,    Y,    Y,    Y),
        new(Permission.CommitmentsRun, "Commitments.Run",                     Y,    Y,    Y,    N,    N),
        new(Permission.CommitmentsReview, "Commitments.Review",               Y,    Y,    Y,    N,    N),
        new(Permission.CommitmentsSupervise, "Commitments.Supervise",         Y,    Y,    N,    N,    Y),
        new(Permission.ReviewsRead, "Reviews.Read",                           Y,    Y,    Y,    Y,    Y),
        new(Permission.ReviewsWrite, "Reviews.Write",                         Y,    Y,    Y,    N,    N),
        new(Permission.DuesRead, "Dues.Read",                                 Y,    Y,    Y,    N,    Y),
        new(Permission.DuesWrite, "Dues.Write",                               Y,    Y,    Y,    N,    N),
        new(Permission.SupervisionRead, "Supervision.Read",                   Y,    Y,    Y,    N,    Y),
        new(Permission.SupervisionWrite, "Supervision.Write",                 Y,    Y,    Y,    N,    N),
        new(Permission.SupervisionNotify, "Supervision.Notify",               Y,    Y,    N,    N,    N),
        new(Permission.SupervisionReports, "Supervision.Reports",             Y,    N,    N,    N,    N),
        new(Permission.CadresRead, "Cadres.Read",                             Y,    Y,    N,    N,    Y),
        new(Permission.CadresWrite, "Cadres.Write",                           Y,    Y,    N,    N,    N),
        new(Permission.StudyRead, "Study.Read",                               Y,    Y,    Y,    N,    Y),
        new(Permission.StudyWrite, "Study.Write",                             Y,    Y,    Y,    N,    N),
        new(Permission.DelegatesRead, "Delegates.Read",                       Y,    Y,    Y,    Y,    Y),
        new(Permission.DelegatesManage, "Delegates.Manage",                   Y,    Y,    N,    N,    N),
        new(Permission.DelegatesAnswer, "Delegates.Answer",                   Y,    Y,    Y,    N,    N),
        new(Permission.ServicesRead, "Services.Read",                         Y,    Y,    Y,    N,    Y),
        new(Permission.ServicesRaise, "Services.Raise",                       Y,    Y,    Y,    N,    N),
        new(Permission.ServicesAnswer, "Services.Answer",                     Y,    Y,    N,    N,    N),
        new(Permission.TalksRead, "Talks.Read",                               Y,    Y,    Y,    N,    Y),
        new(Permission.TalksWrite, "Talks.Write",                             Y,    Y,    Y,    N,    N),
        new(Permission.ThemeEducationRead, "ThemeEducation.Read",             Y,    Y,    Y,    Y,    Y),
        new(Permission.ThemeEducationRun, "ThemeEducation.Run",               Y,    Y,    N,    N,    N),
        new(Permission.ThemeEducationReport, "ThemeEducation.Report",         Y,    Y,    Y,    N,    N),
        new(Permission.MineUse, "Mine.Use",                                   Y,    Y,    Y,    Y,    Y),
    ];

    private static readonly AccountRole[] RoleOrder =
        [AccountRole.DistrictAdmin, AccountRole.OrgAdmin, AccountRole.Secretary, AccountRole.Member, AccountRole.Supervisor];

    private static readonly Dictionary<Permission, Row> ByPermission = Rows.ToDictionary(r => r.Permission);

    /// <summary>Every permission, in the matrix's order.</summary>
    public static IReadOnlyList<Permission> Permissions { get; } = [.. Rows.Select(r => r.Permission)];

    /// <summary>The roles, in the matrix's column order.</summary>
    public static IReadOnlyList<AccountRole> Roles => RoleOrder;

    /// <summary>Whether <paramref name="role"/> holds <paramref name="permission"/> (over the subtree it is granted on).</summary>
    public static bool Allows(AccountRole role, Permission permission) =>
        ByPermission.TryGetValue(permission, out var row) && row.Allows(role);

    /// <summary>The permission's name as users and README see it: <c>Module.Action</c>.</summary>
    public static string NameOf(Permission permission) =>
        ByPermission.TryGetValue(permission, out var row) ? row.Name : permission.ToString();

    /// <summary>The permissions a role holds, in the matrix's order.</summary>
    public static IReadOnlyList<Permission> Of(AccountRole role) => [.. Rows.Where(r => r.Allows(role)).Select(r => r.Permission)];

    private sealed record Row(Permission Permission, string Name, bool DistrictAdmin, bool OrgAdmin, bool Secretary, bool Member, bool Supervisor)
    {
        public bool Allows(AccountRole role) => role switch
        {
            AccountRole.DistrictAdmin => DistrictAdmin,
            AccountRole.OrgAdmin => OrgAdmin,
            AccountRole.Secretary => Secretary,
            AccountRole.Member => Member,
            AccountRole.Supervisor => Supervisor,
            _ => false,
        };
    }
}
