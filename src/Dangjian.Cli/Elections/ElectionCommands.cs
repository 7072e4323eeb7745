using System.CommandLine;
using Dangjian.Domain.Elections;

namespace Dangjian.Cli.Elections;

/// <summary>
/// `dangjian election count FILE`: counts a round with the same engine the election meeting uses
/// (Domain/Elections/ElectionCount) and prints the result JSON (issue 3's contract). Exit 0 for
/// well-formed input, a void round included; 2 with the problems on standard error for malformed input.
/// </summary>
internal static class ElectionCommands
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The round as JSON (mode, seats, entitledVoters, votersPresent, ballotsIssued, candidates, ballots); - reads standard input" };
        var count = new Command("count", "Count a round of ballots and print the result as JSON.");
        count.Arguments.Add(file);
        count.SetAction((result, ct) => CountAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var election = new Command("election", "Election counting (换届选举计票)");
        election.Subcommands.Add(count);
        return election;
    }

    public static async Task<int> CountAsync(string path, TextWriter output, TextWriter error, CancellationToken ct)
    {
        string json;
        try
        {
            json = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var (input, errors) = CountJson.Parse(json);
        if (input is null)
        {
            await error.WriteLineAsync($"Malformed input in {path}:");
            foreach (var e in errors)
            {
                await error.WriteLineAsync($"  {e.Field}: {e.Message}");
            }

            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync(CountJson.Write(ElectionCount.Count(input)));
        return ExitCodes.Ok;
    }
}
