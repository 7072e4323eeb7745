using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// The three grounds of accountability for a mistaken appointment, seed 000, 五 推行选人用人失误的责任追究制: 一是 对履行程序
/// 不到位的责任追究; 二是 对选人考察不深入的责任追究; 三是 强化对职能部门的责任追究.
/// </summary>
public enum AccountabilityGround
{
    /// <summary>履行程序不到位 (减省程序、暗箱操作、变更程序).</summary>
    ProcedureNotFollowed,

    /// <summary>选人考察不深入.</summary>
    InspectionNotThorough,

    /// <summary>职能部门责任 (重大失误: 主职领导责任).</summary>
    DepartmentFailure,
}

public enum AccountabilityStatus
{
    /// <summary>立案: under examination.</summary>
    Open,

    /// <summary>办结.</summary>
    Concluded,
}

/// <summary>
/// Accountability for a mistaken appointment (用人失察, CAD-7), linked back to the selection case that made it by its id,
/// since the selection trace (写实) is what the examination reads (seed 000, 五 二是: "干部由谁推荐、由谁负责考察 … 均建立详尽
/// 的记录，为落实责任追究提供依据"). Opened with a ground and what went wrong; concluded once with the finding and, when
/// people are held responsible, the measure taken against them.
/// </summary>
public sealed class AccountabilityCase : IVersioned
{
    public const int MaxTextLength = 2000;
    public const int MaxMeasureLength = 200;

    public int Id { get; set; }

    /// <summary>The organization whose department examines, for scope.</summary>
    public int OrganizationId { get; set; }

    /// <summary>
    /// The selection case (写实) whose appointment was mistaken; none when the appointment was made before its selection
    /// was recorded here (the examination then reads the paper file), which the accountability must still cover.
    /// </summary>
    public int? SelectionCaseId { get; set; }

    public AccountabilityGround Ground { get; set; }

    public string Description { get; set; } = string.Empty;

    public DateOnly OpenedOn { get; set; }

    public AccountabilityStatus Status { get; set; }

    public string? Finding { get; set; }

    /// <summary>The measure against those held responsible (诫勉谈话, 通报批评, 调整职务 …).</summary>
    public string? Measure { get; set; }

    /// <summary>The people held responsible (recommenders, inspectors, the department's head …); none when nobody is.</summary>
    public List<int> ResponsiblePersonIds { get; set; } = [];

    public DateOnly? DecidedOn { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// Opens a case on a selection case (an id above 0; none for an appointment whose selection was not recorded here),
    /// with its ground and what went wrong, on a day not after today.
    /// </summary>
    public static AccountabilityCase Open(int organizationId, int? selectionCaseId, AccountabilityGround ground, string? description, DateOnly openedOn, DateOnly today)
    {
        if (selectionCaseId <= 0)
        {
            throw new DomainRuleException("Input.Invalid", "selectionCaseId", "Field.Cadre.SelectionCase");
        }

        if (!Enum.IsDefined(ground))
        {
            throw new DomainRuleException("Input.Invalid", "ground", "Field.Cadre.AccountabilityGround");
        }

        var what = TextInput.Required(description, MaxTextLength, "description", "Field.Cadre.AccountabilityDescription");
        CadreDays.Done(openedOn, "openedOn", "Field.Cadre.OpenedOn", today);
        return new() { OrganizationId = organizationId, SelectionCaseId = selectionCaseId, Ground = ground, Description = what, OpenedOn = openedOn };
    }

    /// <summary>
    /// Concludes an open case: a finding; the people held responsible (distinct) and, when there are any, the measure
    /// taken; on a day from the opening to today.
    /// </summary>
    public void Conclude(string? finding, IReadOnlyList<int> responsiblePersonIds, string? measure, DateOnly on, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(responsiblePersonIds);
        if (Status != AccountabilityStatus.Open)
        {
            throw new DomainRuleException("Cadre.CaseClosed", "status");
        }

        var found = TextInput.Required(finding, MaxTextLength, "finding", "Field.Cadre.Finding");
        if (responsiblePersonIds.Distinct().Count() != responsiblePersonIds.Count)
        {
            throw new DomainRuleException("Cadre.PersonTwice", "responsiblePersonIds");
        }

        var taken = responsiblePersonIds.Count > 0
            ? TextInput.Required(measure, MaxMeasureLength, "measure", "Field.Cadre.Measure")
            : TextInput.Optional(measure, MaxMeasureLength, "measure", "Field.Cadre.Measure");
        var day = CadreDays.Closing(on, OpenedOn, today);
        (Status, Finding, Measure, ResponsiblePersonIds, DecidedOn) = (AccountabilityStatus.Concluded, found, taken, [.. responsiblePersonIds], day);
    }
}
