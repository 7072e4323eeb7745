using Dangjian.Domain.Meetings;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>The shares the regulations use, by name (appsettings values).</summary>
public enum ShareName
{
    /// <summary>超过半数.</summary>
    MoreThanHalf,

    /// <summary>半数以上 (half included).</summary>
    HalfOrMore,

    /// <summary>三分之二以上 (two thirds included).</summary>
    TwoThirdsOrMore,
}

/// <summary>
/// "Meetings:Decision": the decision thresholds as rule data , defaulting to the regulations' (see
/// <see cref="DecisionRules"/> for the sources). An organization whose rules of procedure are stricter sets them here.
/// </summary>
public sealed class DecisionRuleOptions
{
    public const string Section = "Meetings:Decision";

    public ShareName MajorAttendance { get; set; } = ShareName.MoreThanHalf;

    public bool MajorNeedsMemberInCharge { get; set; } = true;

    public ShareName CadreAttendance { get; set; } = ShareName.TwoThirdsOrMore;

    public ShareName RoutineAttendance { get; set; } = ShareName.MoreThanHalf;

    public ShareName Pass { get; set; } = ShareName.MoreThanHalf;

    public ShareName MandatoryAgenda { get; set; } = ShareName.HalfOrMore;

    public DecisionRules ToRules() => new()
    {
        Major = new QuorumRule(Of(MajorAttendance), MajorNeedsMemberInCharge),
        Cadre = new QuorumRule(Of(CadreAttendance), InChargeMustBePresent: false),
        Routine = new QuorumRule(Of(RoutineAttendance), InChargeMustBePresent: false),
        Pass = Of(Pass),
        MandatoryAgenda = Of(MandatoryAgenda),
    };

    private static Share Of(ShareName name) => name switch
    {
        ShareName.HalfOrMore => Share.HalfOrMore,
        ShareName.TwoThirdsOrMore => Share.TwoThirdsOrMore,
        _ => Share.MoreThanHalf,
    };
}
