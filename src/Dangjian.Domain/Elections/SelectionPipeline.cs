namespace Dangjian.Domain.Elections;

/// <summary>
/// 公推公选 / 公推直选 (ELE-15; seed 003): the stages go strictly in the order of <see cref="SelectionStage"/>;
/// a stage is recorded only after the one before it, and not on an earlier day than it.
/// </summary>
public static class SelectionPipeline
{
    /// <summary>The stage to record next, or null when every stage is done.</summary>
    public static SelectionStage? Next(IEnumerable<SelectionStage> done)
    {
        var set = done.ToHashSet();
        foreach (var stage in Enum.GetValues<SelectionStage>())
        {
            if (!set.Contains(stage))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="stage"/> on <paramref name="on"/> cannot be recorded now (null when it can).</summary>
    public static string? Refusal(IReadOnlyList<(SelectionStage Stage, DateOnly On)> done, SelectionStage stage, DateOnly on)
    {
        if (done.Any(d => d.Stage == stage))
        {
            return "AlreadyRecorded";
        }

        if (Next(done.Select(d => d.Stage)) != stage)
        {
            return "OutOfOrder";
        }

        return done.Count > 0 && on < done.Max(d => d.On) ? "BeforePrevious" : null;
    }
}
