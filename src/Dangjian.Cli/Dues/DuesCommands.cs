using System.CommandLine;
using Dangjian.Domain.Dues;

namespace Dangjian.Cli.Dues;

/// <summary>
/// `dangjian dues compute FILE`: each member's monthly dues by the rates of 中组发〔2008〕3号 (Domain/Dues/DuesRates) and
/// their ledger over a range of months (DuesLedger), printed as JSON (its contract: Domain's DuesComputeJson).
/// Exit 0 for well-formed input; 2 with every problem on standard error for malformed input.
/// </summary>
public static class DuesCommands
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The members as JSON (from, to, flagAfterMonths, members, optional brackets and fixed); - reads standard input",
        };
        var compute = new Command("compute", "Compute monthly dues, due, paid, arrears, unpaid months and the 6-month flag per member and print them as JSON.");
        compute.Arguments.Add(file);
        compute.SetAction((result, ct) => ComputeAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var dues = new Command("dues", "Party dues (党费)");
        dues.Subcommands.Add(compute);
        return dues;
    }

    public static Task<int> ComputeAsync(string path, TextWriter output, TextWriter error, CancellationToken ct) =>
        JsonCommand.RunAsync(
            path,
            DuesComputeJson.Parse,
            input => DuesComputeJson.Write(input, DuesComputeJson.Compute(input)),
            output,
            error,
            ct);
}
