using System.CommandLine;
using Dangjian.Domain.Meetings;

namespace Dangjian.Cli.Meetings;

/// <summary>
/// `dangjian decision check FILE`: applies the decision rules the meeting pages use (Domain/Meetings: quorum per
/// category, the notice period in working days by the shipped calendar, the vote, the secretary's dissent) to one
/// agenda item and prints the result JSON (its contract: Domain's DecisionCheckJson). Exit 0 for well-formed input; 2 with every problem on
/// standard error for malformed input.
/// </summary>
public static class DecisionCommands
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The item as JSON (category, members, secretary, inCharge, present, votes, secretaryView, noticeDate, meetingDate, emergency); - reads standard input",
        };
        var check = new Command("check", "Check an agenda item's quorum, notice, outcome and escalation and print them as JSON.");
        check.Arguments.Add(file);
        check.SetAction((result, ct) => CheckAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var decision = new Command("decision", "Decisions under democratic centralism (民主集中制议事决策)");
        decision.Subcommands.Add(check);
        return decision;
    }

    public static Task<int> CheckAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            DecisionCheckJson.Parse,
            input => DecisionCheckJson.Write(DecisionCheckJson.Check(input)),
            output,
            error,
            ct);
}
