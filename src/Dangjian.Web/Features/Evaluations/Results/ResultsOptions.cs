namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>Settings of evaluation results ("Evaluations" section of appsettings).</summary>
public sealed record ResultsOptions
{
    public const string Section = "Evaluations";

    /// <summary>
    /// EVA-7, seed 000 四 (凡群众意见大的班子不予评先, 反响不好的干部坚决不予提拔重用): a subject whose 群众代表 ratings hold
    /// more than this share of the worst scale label is not award-eligible whatever its grade. Default one third.
    /// </summary>
    // The settings key keeps the name deployments already use (README's settings table).
    [ConfigurationKeyName("MassCriticismShare")]
    public decimal ResidentCriticismShare { get; init; } = 1m / 3m;

    /// <summary>
    /// The shortest publicity period (公示期) in working days. The seeds name no length; 5 working days is the usual
    /// 公示期 for cadre matters (干部任用条例: 不少于五个工作日), so it is the default.
    /// </summary>
    public int PublicityWorkingDays { get; init; } = 5;

    /// <summary>Objections filed per client address per minute on the public page.</summary>
    public int ObjectionsPerMinute { get; init; } = 10;
}
