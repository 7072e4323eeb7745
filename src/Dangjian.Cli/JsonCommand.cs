using Dangjian.Domain.Common;

namespace Dangjian.Cli;

/// <summary>
/// The shape every JSON-in, JSON-out command shares: read FILE (standard input for "-"), parse it with its contract
/// (which reads through <see cref="ContractJson"/>), print the result (exit 0), or print every problem with its field on
/// standard error (exit 2).
/// </summary>
internal static class JsonCommand
{
    public static async Task<int> RunAsync<TInput>(
        string path,
        Func<string, (TInput? Input, IReadOnlyList<ContractError> Errors)> parse,
        Func<TInput, string> result,
        TextWriter output,
        TextWriter error,
        CancellationToken ct)
        where TInput : class
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

        var (input, errors) = parse(json);
        if (input is null)
        {
            await error.WriteLineAsync($"Malformed input in {path}:");
            foreach (var (field, message) in errors)
            {
                await error.WriteLineAsync($"  {field}: {message}");
            }

            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync(result(input));
        return ExitCodes.Ok;
    }
}
