using System.CommandLine;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Cli.Evaluations;

/// <summary>
/// `dangjian evaluation score FILE`: scores and grades a composite assessment with the engine the campaign pages use
/// (Domain/Evaluations/EvaluationScoring) and prints the result JSON (its contract: Domain's EvaluationScoreJson).
/// `dangjian evaluation draw FILE`: reproduces a random draw of evaluators from its published seed (EVA-4).
/// Exit 0 for well-formed input; 2 with every problem on standard error for malformed input.
/// </summary>
public static class EvaluationCommands
{
    public static Command Build()
    {
        var scoreFile = new Argument<string>("FILE")
        {
            Description = "The assessment as JSON (scale, dimensions, groups, components, grades, vetoGrade, subjects); - reads standard input",
        };
        var score = new Command("score", "Score and grade subjects (democratic, composite, grade with quotas and veto, rank) and print them as JSON.");
        score.Arguments.Add(scoreFile);
        score.SetAction((result, ct) => ScoreAsync(result.GetValue(scoreFile)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var drawFile = new Argument<string>("FILE")
        {
            Description = "The draw as JSON (seed, count, population [{key, stratum}], stratified, strataCounts); - reads standard input",
        };
        var draw = new Command("draw", "Draw evaluators from a population by a published seed (SHA-256 ranking) and print the keys drawn as JSON.");
        draw.Arguments.Add(drawFile);
        draw.SetAction((result, ct) => DrawAsync(result.GetValue(drawFile)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var evaluation = new Command("evaluation", "Democratic evaluation and composite assessment (民主测评与综合考核)");
        evaluation.Subcommands.Add(score);
        evaluation.Subcommands.Add(draw);
        return evaluation;
    }

    public static Task<int> ScoreAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            EvaluationScoreJson.Parse,
            input => EvaluationScoreJson.Write(EvaluationScoring.Score(input)),
            output,
            error,
            ct);

    public static Task<int> DrawAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            EvaluatorDrawJson.Parse,
            request => EvaluatorDrawJson.Write(request.Seed, EvaluatorDrawJson.Draw(request)),
            output,
            error,
            ct);
}
