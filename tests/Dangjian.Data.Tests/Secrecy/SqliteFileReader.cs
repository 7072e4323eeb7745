using System.Buffers.Binary;
using System.Text;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>
/// Reads a SQLite database as someone with a copy of its files would (https://sqlite.org/fileformat2.html): the
/// write-ahead log's frames, grouped into the commits they belong to, whether or not they are still current, and the
/// main file's pages. No SQLite code: what it finds is what is in the bytes.
/// </summary>
internal static class SqliteFileReader
{
    /// <summary>One page image the log holds, with the page's number.</summary>
    public sealed record Frame(int Page, byte[] Data);

    /// <summary>The frames one transaction appended, its commit frame last.</summary>
    public sealed record Commit(IReadOnlyList<Frame> Frames);

    /// <summary>Every commit the log file holds, oldest first (frames after the last commit frame are left out).</summary>
    public static IReadOnlyList<Commit> ReadWal(string databasePath)
    {
        var bytes = ReadShared(databasePath + "-wal");
        if (bytes.Length < 32)
        {
            return [];
        }

        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8));
        var commits = new List<Commit>();
        var frames = new List<Frame>();
        for (var at = 32; at + 24 + pageSize <= bytes.Length; at += 24 + pageSize)
        {
            var page = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var sizeAfterCommit = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4));
            frames.Add(new Frame(page, bytes.AsSpan(at + 24, pageSize).ToArray()));
            if (sizeAfterCommit != 0)
            {
                commits.Add(new Commit(frames));
                frames = [];
            }
        }

        return commits;
    }

    public static long WalLength(string databasePath) =>
        File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0;

    /// <summary>The main file's pages, numbered from 1 as SQLite numbers them (index 0 is page 1).</summary>
    public static IReadOnlyList<byte[]> ReadPages(string databasePath)
    {
        var bytes = ReadShared(databasePath);
        var size = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(16));
        var pageSize = size == 1 ? 65536 : size;
        return [.. bytes.Chunk(pageSize)];
    }

    /// <summary>Pages on the free list (the header's count at offset 36).</summary>
    public static int FreePages(string databasePath) =>
        (int)BinaryPrimitives.ReadUInt32BigEndian(ReadShared(databasePath).AsSpan(36, 4));

    /// <summary>
    /// The pages of the b-tree rooted at <paramref name="root"/> in a state of the database (page number → image): its
    /// interior pages (type 2 or 5: child page numbers in each cell's first four bytes and the right-most pointer at
    /// header offset 8) and its leaves. Page 1's header follows the 100-byte file header.
    /// </summary>
    public static HashSet<int> TreePages(IReadOnlyDictionary<int, byte[]> state, int root)
    {
        var pages = new HashSet<int>();
        var todo = new Stack<int>([root]);
        while (todo.Count > 0)
        {
            var page = todo.Pop();
            if (!pages.Add(page) || !state.TryGetValue(page, out var data))
            {
                continue;
            }

            var header = page == 1 ? 100 : 0;
            if (data[header] is not (2 or 5))
            {
                continue;
            }

            var cells = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(header + 3));
            todo.Push((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(header + 8)));
            for (var c = 0; c < cells; c++)
            {
                var at = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(header + 12 + (2 * c)));
                todo.Push((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at)));
            }
        }

        return pages;
    }

    /// <summary>Every offset at which <paramref name="text"/> (ASCII) occurs in <paramref name="data"/>.</summary>
    public static IEnumerable<int> Find(byte[] data, string text)
    {
        var needle = Encoding.ASCII.GetBytes(text);
        for (var at = data.AsSpan().IndexOf(needle); at >= 0;)
        {
            yield return at;
            var next = data.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    public static bool Contains(byte[] data, string text) => data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// What an attacker concludes from where things sit. Casting order is 0, 1, 2…; a physical order (the order the
/// entries are found in the file) that keeps neighbours in casting order next to each other gives the order of casting
/// away. For a random order, about two in n of the n − 1 neighbouring pairs are neighbours in casting order too.
/// </summary>
internal static class OrderLeak
{
    /// <summary>How many physically neighbouring entries were cast one after the other (either way round).</summary>
    public static int NeighbourPairs(IReadOnlyList<int> castIndexInPhysicalOrder) =>
        castIndexInPhysicalOrder.Zip(castIndexInPhysicalOrder.Skip(1)).Count(p => Math.Abs(p.First - p.Second) == 1);
}
