using System.Collections.Concurrent;

namespace Dangjian.Data.Secrecy;

/// <summary>
/// Group commit for secret writes (DESIGN.md "Secrecy"): writes that arrive close together are gathered
/// into one batch and written by one writer in one transaction, so no single commit in the database's log pairs one
/// code with one ballot while others are voting. A batch closes when it holds <see cref="SecrecyOptions.BatchSize"/>
/// writes or when its <see cref="SecrecyOptions.MixingWindow"/> (counted from its first write) has passed, whichever
/// comes first; while the writer is still busy with the previous batch, the next one keeps filling (up to
/// <see cref="SecrecyOptions.MaxBatchSize"/>), so under load batches are large and nobody waits the window.
/// <para>
/// The first caller of a batch leads it: it waits for the batch to close, then for the writer, then writes every
/// caller's item with its own <c>write</c> and hands each caller its result. A caller gets its result only once the
/// batch's transaction has committed, so an acknowledged write is durable. Batches of one database are written one at
/// a time (SQLite has one writer anyway; on PostgreSQL, fewer and larger transactions mix better).
/// </para>
/// </summary>
#pragma warning disable CA1001 // one instance per database for the process's life: the semaphore is never to be disposed
internal sealed class GroupCommit<TItem, TResult>
#pragma warning restore CA1001
{
    private static readonly ConcurrentDictionary<string, GroupCommit<TItem, TResult>> Instances = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private Batch? _filling;

    /// <summary>The one instance for a database (its provider and connection string) and a kind of write.</summary>
    public static GroupCommit<TItem, TResult> For(string name) => Instances.GetOrAdd(name, _ => new GroupCommit<TItem, TResult>());

    /// <summary>
    /// Adds <paramref name="item"/> to the batch that is filling and returns its result once that batch is committed.
    /// <paramref name="write"/> takes a whole batch and returns one result per item, in the same order; it is called
    /// only by the batch's leader. Not cancellable once added: the item is written with its batch whatever happens to
    /// the caller, and a caller that stops waiting only loses the answer (as a voter whose connection drops does).
    /// </summary>
    public async Task<TResult> SubmitAsync(TItem item, SecrecyOptions options, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Batch batch;
        bool leads;
        lock (_lock)
        {
            leads = _filling is null;
            batch = _filling ??= new Batch();
            batch.Items.Add(item);
            batch.Done.Add(done);
            if (batch.Items.Count >= options.BatchSize)
            {
                batch.Full.TrySetResult();
            }

            if (batch.Items.Count >= options.MaxBatchSize)
            {
                _filling = null; // full for good: the next write starts the next batch
            }
        }

        if (leads)
        {
            await LeadAsync(batch, options, write);
        }

        return await done.Task;
    }

    private async Task LeadAsync(Batch batch, SecrecyOptions options, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
    {
        using (var window = new CancellationTokenSource())
        {
            var elapsed = Task.Delay(options.MixingWindow, window.Token);
            await Task.WhenAny(batch.Full.Task, elapsed);
            await window.CancelAsync();
        }

        await _writer.WaitAsync();
        try
        {
            // Closed only now: what arrived while the previous batch was being written joins this one.
            lock (_lock)
            {
                if (ReferenceEquals(_filling, batch))
                {
                    _filling = null;
                }
            }

            SecrecyMetrics.BatchSize.Record(batch.Items.Count);
            IReadOnlyList<TResult> results;
            try
            {
                results = await write(batch.Items);
                if (results.Count != batch.Items.Count)
                {
                    throw new InvalidOperationException("A batch write must return one result per item.");
                }
            }
#pragma warning disable CA1031 // every caller of the batch gets the failure as its own
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var d in batch.Done)
                {
                    d.TrySetException(e);
                }

                return;
            }

            for (var i = 0; i < results.Count; i++)
            {
                batch.Done[i].TrySetResult(results[i]);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private sealed class Batch
    {
        public List<TItem> Items { get; } = [];

        public List<TaskCompletionSource<TResult>> Done { get; } = [];

        public TaskCompletionSource Full { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
