namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// One circuit has one DbContext: service calls from the accounts page and its parts (searches typed while a save
/// runs) go one at a time through this gate.
/// </summary>
public sealed class CircuitGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> work)
    {
        await _gate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
