namespace Dangjian.Domain.Elections;

/// <summary>
/// The stages of a misconduct report (ELE-14; seed 001 第四篇 "对拉票贿选…一经查实，坚决取消资格"): 受理 → 调查核实 →
/// 查实 or 不实. A conclusion needs the findings and the day it was reached, and is final: there is no going back.
/// </summary>
public static class ReportFlow
{
    public static bool IsConclusion(ReportStage stage) => stage is ReportStage.Proven or ReportStage.Unfounded;

    /// <summary>Whether a report at <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(ReportStage from, ReportStage to) => (from, to) switch
    {
        (ReportStage.Filed, ReportStage.Investigating) => true,
        (ReportStage.Investigating, ReportStage.Proven or ReportStage.Unfounded) => true,
        _ => false,
    };

    /// <summary>The stages a report at <paramref name="from"/> may move to next, in order.</summary>
    public static IReadOnlyList<ReportStage> Next(ReportStage from) =>
        Enum.GetValues<ReportStage>().Where(to => CanMove(from, to)).ToList();
}
