namespace Dangjian.Domain.Accounts;

/// <summary>
/// What a caller may do, one value per distinct action of a module (its name is <c>Module.Action</c>, see
/// <see cref="PermissionMatrix.NameOf"/>). Which role holds which is <see cref="PermissionMatrix"/>; where, the subtree
/// the role is held over (<see cref="Scope"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The domain's word: a role holds permissions (DESIGN.md \"Permissions\"); no code access security here.")]
public enum Permission
{
    /// <summary>Organizations.Read — the tree, organizations, units, leadership teams, the dashboard.</summary>
    OrganizationsRead,

    /// <summary>Organizations.Restructure — create, edit, move and dissolve organizations.</summary>
    OrganizationsRestructure,

    /// <summary>Teams.Edit — leadership teams and their terms.</summary>
    TeamsEdit,

    /// <summary>Units.Edit — units and which organization covers them.</summary>
    UnitsEdit,

    /// <summary>People.Read — the roster of people (a member without it reads only their own record).</summary>
    PeopleRead,

    /// <summary>People.Edit — add and edit people on the roster.</summary>
    PeopleEdit,

    /// <summary>People.Import — import a roster from Excel.</summary>
    PeopleImport,

    /// <summary>Accounts.Own — the caller's own account: read it, issue and revoke its API tokens.</summary>
    AccountsOwn,

    /// <summary>Accounts.Manage — create accounts, grant roles, unlock, issue tokens for others where allowed.</summary>
    AccountsManage,

    /// <summary>Audit.Read — read and verify the audit log.</summary>
    AuditRead,

    /// <summary>Calendar.Read — the working-day calendar.</summary>
    CalendarRead,

    /// <summary>Calendar.Edit — holidays and make-up workdays, district-wide.</summary>
    CalendarEdit,

    /// <summary>Meetings.Read — meetings, decisions, minutes, 三会一课 compliance, democratic life meetings.</summary>
    MeetingsRead,

    /// <summary>Meetings.Run — call a meeting, invitees, attendance, agenda, discussion, votes, follow-ups, notice period.</summary>
    MeetingsRun,

    /// <summary>Meetings.Rule — rule, as the superior organization, on an item waiting for it.</summary>
    MeetingsRule,

    /// <summary>Minutes.Write — draft a meeting's minutes.</summary>
    MinutesWrite,

    /// <summary>Minutes.Sign — sign minutes and sign their corrections.</summary>
    MinutesSign,

    /// <summary>DemocraticLife.Run — prepare, hold and follow up a democratic life meeting.</summary>
    DemocraticLifeRun,

    /// <summary>Elections.Read — election projects, rounds and results.</summary>
    ElectionsRead,

    /// <summary>Elections.Run — run a term election: its project, nominees, rounds, codes, paper ballots, count, publication.</summary>
    ElectionsRun,

    /// <summary>Evaluations.Read — campaigns, templates, and results as far as they are shown. Also 评先评优 selections, award records and a secretary's assessment report.</summary>
    EvaluationsRead,

    /// <summary>Evaluations.Design — the district's evaluation templates.</summary>
    EvaluationsDesign,

    /// <summary>Evaluations.Run — run any evaluation or assessment campaign. Also run a 评先评优 selection: nominate, check, decide, publicize, answer objections, award.</summary>
    EvaluationsRun,

    /// <summary>Evaluations.RunMemberReview — run a 民主评议党员 campaign (of the organization's own members).</summary>
    EvaluationsRunMemberReview,

    /// <summary>Surveys.Read — surveys and their statistics.</summary>
    SurveysRead,

    /// <summary>Surveys.Run — design, open, close surveys and hand out their links and codes.</summary>
    SurveysRun,

    /// <summary>Commitments.Read — commitment campaigns (公开承诺), their items, the ledger (台账).</summary>
    CommitmentsRead,

    /// <summary>Commitments.Run — run a commitment campaign through its steps and enter items for the members and organizations in scope.</summary>
    CommitmentsRun,

    /// <summary>Commitments.Review — approve, return or reject items at a level (审: 支委会 for the branch, 党委会 for the committee).</summary>
    CommitmentsReview,

    /// <summary>Commitments.Supervise — a 履诺监督员's part (CMT-5): comment on the items in scope and flag one as lagging;
    /// an organization's administrators record comments handed in on paper.</summary>
    CommitmentsSupervise,

    /// <summary>Reviews.Read — work reviews (复盘, REV-1) of the organizations in scope, and their search.</summary>
    ReviewsRead,

    /// <summary>Reviews.Write — write and edit an organization's work reviews.</summary>
    ReviewsWrite,

    /// <summary>Dues.Read — the dues ledger (党费) of the organizations in scope and their activity funds (专项经费).</summary>
    DuesRead,

    /// <summary>Dues.Write — members' dues profiles, payments and excused months, imports, and activity-fund entries.</summary>
    DuesWrite,

    /// <summary>Supervision.Read — the 三务公开 items (SUP-4) of the organizations in scope and the list of those that have
    /// published nothing in a quarter.</summary>
    SupervisionRead,

    /// <summary>Supervision.Write — entering an organization's 三务公开 items, and answering a rectification notice
    /// (整改通知, SUP-2) addressed to the organization or one of its cadres.</summary>
    SupervisionWrite,

    /// <summary>Supervision.Notify — issuing, verifying and closing early-warning and rectification notices (预警、整改,
    /// SUP-2) and recording economic-responsibility audits (经济责任审计, SUP-3): the superior's side, never the
    /// organization's own (seed 004 五).</summary>
    SupervisionNotify,

    /// <summary>Supervision.Reports — the report box (举报, SUP-1): reading the cases about the organizations in scope and
    /// their cadres, and taking them through accepted, assigned, investigated and concluded. Held by the organization
    /// department alone: a report may be about the very secretary or administrator of the subtree it concerns. No role
    /// ever sees a reporter, only what the reporter chose to write.</summary>
    SupervisionReports,

    /// <summary>Cadres.Read — the reserve-cadre and party-affairs talent pools (CAD-1, CAD-2), selection cases and their
    /// dossiers (写实, CAD-3 … CAD-5), inspection qualifications, grassroots time and contact points (CAD-6), and exit,
    /// supervisor and accountability records (CAD-7) of the organizations in scope.</summary>
    CadresRead,

    /// <summary>Cadres.Write — cadre work itself, the organization department's and the township committee's (干部工作,
    /// seed 004 二): pool entries and their in/out decisions, each step of a selection case, grassroots days and the
    /// petition rota, exit and accountability cases and the reports of work supervisors.</summary>
    CadresWrite,

    /// <summary>Study.Read — the study records, compliance, exams, inspections, course menus, theory lectures and rankings
    /// of the organizations' people in scope.</summary>
    StudyRead,

    /// <summary>Study.Write — entering, importing and approving study records, exams, inspections, course menus, theory
    /// lectures and rankings.</summary>
    StudyWrite,

    /// <summary>Delegates.Read — the roster of congress delegates (党代表) per congress term and delegation, their proposals
    /// (提案) with the answers and ratings, and their regular duties (DEL-1 … DEL-4).</summary>
    DelegatesRead,

    /// <summary>Delegates.Manage — the congress's standing body's side of the delegates' term system (党代表常任制, seed 001):
    /// the roster, registering and assigning proposals to handling units, supervising them (督办), regular meetings,
    /// inspection tours and briefings, inquiries and recalls.</summary>
    DelegatesManage,

    /// <summary>Delegates.Answer — a handling unit's answer to a proposal assigned to an organization in scope.</summary>
    DelegatesAnswer,

    /// <summary>Services.Read — 三服务 service requests (ORG-8) raised by or to the organizations in scope.</summary>
    ServicesRead,

    /// <summary>Services.Raise — an organization raising its own need (people, funds, material, guidance) to the level above.</summary>
    ServicesRaise,

    /// <summary>Services.Answer — the level above taking up, answering and closing a request raised in its subtree (seed 003 1).</summary>
    ServicesAnswer,

    /// <summary>Talks.Read — the register of 谈心谈话 (MTG-11) of the organizations in scope and who is still owed a talk.</summary>
    TalksRead,

    /// <summary>Talks.Write — recording talks and their follow-up in an organization's register.</summary>
    TalksWrite,

    /// <summary>ThemeEducation.Read — theme education campaigns (主题教育, MTG-13), their phases and their completion.</summary>
    ThemeEducationRead,

    /// <summary>ThemeEducation.Run — a superior organization setting a campaign, its phases and required activities for its subtree.</summary>
    ThemeEducationRun,

    /// <summary>ThemeEducation.Report — an organization recording that it carried out a required activity.</summary>
    ThemeEducationReport,

    /// <summary>Mine.Use — the caller's own page: their record, invitations, the measures they own and their follow-ups, and
    /// acting on what is theirs (a measure they own marked done). What is "theirs" is found from the person the account is
    /// linked to, never from an id the caller sends.</summary>
    MineUse,
}
