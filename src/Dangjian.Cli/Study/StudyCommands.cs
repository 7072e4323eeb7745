using System.CommandLine;
using Dangjian.Domain.Study;

namespace Dangjian.Cli.Study;

/// <summary>
/// `dangjian study compliance FILE`: per person, the exam state and each requirement's done, missing and behindPace as of
/// a day, with the rules the compliance page uses (Domain/Study; contract: Domain's StudyComplianceJson).
/// Exit 0 for well-formed input; 2 with every problem on standard error for malformed input.
/// </summary>
public static class StudyCommands
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "asOf, passScore, requirements [{role, kind, per, unit, min}] and people [{name, role, termStart, termEnd, records, exams}] as JSON; - reads standard input",
        };
        var compliance = new Command("compliance", "Study compliance as of a day: done, missing and behind pace per requirement, and the exam state, as JSON.");
        compliance.Arguments.Add(file);
        compliance.SetAction((result, ct) => ComplianceAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var study = new Command("study", "Study and training (学习培训)");
        study.Subcommands.Add(compliance);
        return study;
    }

    public static Task<int> ComplianceAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            StudyComplianceJson.Parse,
            input => StudyComplianceJson.Write(StudyComplianceJson.Evaluate(input)),
            output,
            error,
            ct);
}
