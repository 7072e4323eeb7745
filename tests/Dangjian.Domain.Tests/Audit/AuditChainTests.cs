using Dangjian.Domain.Audit;

namespace Dangjian.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 15, 9, 30, 0, 123, TimeSpan.FromHours(8));

    private static AuditEntry Unsealed(int i) => new()
    {
        At = Start.AddMinutes(i).AddTicks(4567), // sub-millisecond ticks that sealing drops
        Actor = i % 2 == 0 ? "zhang.wei" : "cli",
        Action = i == 0 ? "Created" : "Updated",
        EntityType = "Organization",
        EntityId = "27",
        Before = i == 0 ? null : $$"""{"name":"第{{i}}党支部"}""",
        After = $$"""{"name":"第{{i + 1}}党支部"}""",
    };

    /// <summary>A sealed chain of <paramref name="count"/> entries, sequences 1..count.</summary>
    private static List<AuditEntry> Chain(int count = 5)
    {
        var entries = new List<AuditEntry>();
        var previousSequence = 0L;
        var previousHash = AuditChain.GenesisHash;
        for (var i = 0; i < count; i++)
        {
            var e = Unsealed(i);
            AuditChain.Seal(e, previousSequence, previousHash);
            entries.Add(e);
            previousSequence = e.Sequence;
            previousHash = e.Hash;
        }

        return entries;
    }

    private static AuditEntry Copy(AuditEntry e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        Actor = e.Actor,
        Action = e.Action,
        EntityType = e.EntityType,
        EntityId = e.EntityId,
        Before = e.Before,
        After = e.After,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
    };

    [Fact]
    public void Verify_SealedChain_IsIntact()
    {
        Assert.Null(AuditChain.Verify(Chain()));
    }

    [Fact]
    public void Verify_EmptyLog_IsIntact()
    {
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Seal_FirstEntry_FollowsGenesis()
    {
        var first = Chain(1)[0];

        Assert.Equal(1, first.Sequence);
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(AuditChain.ComputeHash(first), first.Hash);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
    }

    [Fact]
    public void Seal_Chain_LinksEachEntryToThePrevious()
    {
        var chain = Chain();

        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(i + 1, chain[i].Sequence);
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }

        Assert.Equal(chain.Count, chain.Select(e => e.Hash).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Seal_SubMillisecondTime_IsTruncatedToUtcMilliseconds()
    {
        var entry = Chain(1)[0];

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 1, 30, 0, 123, TimeSpan.Zero), entry.At);
        Assert.Equal(0, entry.At.Ticks % TimeSpan.TicksPerMillisecond);
    }

    [Theory]
    [InlineData("Actor")]
    [InlineData("Action")]
    [InlineData("EntityType")]
    [InlineData("EntityId")]
    [InlineData("Before")]
    [InlineData("After")]
    [InlineData("At")]
    [InlineData("Hash")]
    public void Verify_FieldAlteredInMiddleEntry_ReportsHashMismatchAtThatSequence(string field)
    {
        var chain = Chain();
        var e = chain[2];
        switch (field)
        {
            case "Actor": e.Actor = "li.na"; break;
            case "Action": e.Action = "Deleted"; break;
            case "EntityType": e.EntityType = "Person"; break;
            case "EntityId": e.EntityId = "28"; break;
            case "Before": e.Before = null; break;
            case "After": e.After += " "; break;
            case "At": e.At = e.At.AddMilliseconds(1); break;
            case "Hash": e.Hash = AuditChain.GenesisHash; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "No such field.");
        }

        Assert.Equal(new AuditChainFault(3, AuditBreak.HashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_FirstEntryAltered_ReportsHashMismatchAtOne()
    {
        var chain = Chain();
        chain[0].After = """{"name":"伪造"}""";

        Assert.Equal(new AuditChainFault(1, AuditBreak.HashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_LastEntryAltered_ReportsHashMismatchAtLast()
    {
        var chain = Chain();
        chain[^1].Actor = "someone.else";

        Assert.Equal(new AuditChainFault(5, AuditBreak.HashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_PreviousHashAltered_ReportsPreviousHashMismatch()
    {
        var chain = Chain();
        chain[3].PreviousHash = chain[1].Hash;

        Assert.Equal(new AuditChainFault(4, AuditBreak.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_MiddleEntryRemoved_ReportsGapAtItsSequence()
    {
        var chain = Chain();
        chain.RemoveAt(2);

        Assert.Equal(new AuditChainFault(3, AuditBreak.Gap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_FirstEntryRemoved_ReportsGapAtOne()
    {
        var chain = Chain();
        chain.RemoveAt(0);

        Assert.Equal(new AuditChainFault(1, AuditBreak.Gap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_MiddleEntryRemovedAndLaterOnesRenumbered_ReportsPreviousHashMismatch()
    {
        // Hiding the gap by renumbering still leaves entry 4's PreviousHash pointing at the removed entry.
        var chain = Chain();
        chain.RemoveAt(2);
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i].Sequence = i + 1;
        }

        Assert.Equal(new AuditChainFault(3, AuditBreak.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_TwoEntriesSwapped_ReportsGapAtFirstSwappedPosition()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(new AuditChainFault(2, AuditBreak.Gap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_TwoEntriesSwappedAndRenumbered_IsDetectedAtFirstSwappedPosition()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);
        chain[1].Sequence = 2;
        chain[2].Sequence = 3;

        var fault = AuditChain.Verify(chain);

        Assert.NotNull(fault);
        Assert.Equal(2, fault.Sequence);
        Assert.Equal(AuditBreak.PreviousHashMismatch, fault.Reason);
    }

    [Fact]
    public void Verify_EntryReplacedByResealedForgery_ReportsPreviousHashMismatchAtNextEntry()
    {
        var chain = Chain();
        var forged = Copy(chain[2]);
        forged.After = """{"name":"伪造"}""";
        AuditChain.Seal(forged, chain[1].Sequence, chain[1].Hash); // a forger who knows the algorithm
        chain[2] = forged;

        Assert.Equal(new AuditChainFault(4, AuditBreak.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EntryIdenticallyResealed_IsIntact()
    {
        // Sealing the same content again yields the same hash: the chain only breaks when content changes.
        var chain = Chain();
        var copy = Copy(chain[2]);
        AuditChain.Seal(copy, chain[1].Sequence, chain[1].Hash);
        chain[2] = copy;

        Assert.Null(AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_DuplicatedEntry_ReportsGap()
    {
        var chain = Chain();
        chain.Insert(3, Copy(chain[2]));

        Assert.Equal(new AuditChainFault(4, AuditBreak.Gap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_FirstEntryNotOnGenesis_ReportsPreviousHashMismatchAtOne()
    {
        var chain = Chain(2);
        var first = Copy(chain[0]);
        AuditChain.Seal(first, 0, new string('f', 64));
        chain[0] = first;

        Assert.Equal(new AuditChainFault(1, AuditBreak.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void TruncateToMilliseconds_SubMillisecondTicks_AreDropped()
    {
        var at = new DateTimeOffset(2025, 6, 15, 1, 30, 0, 123, TimeSpan.Zero).AddTicks(9999);

        Assert.Equal(new DateTimeOffset(2025, 6, 15, 1, 30, 0, 123, TimeSpan.Zero), AuditChain.TruncateToMilliseconds(at));
    }

    [Fact]
    public void TruncateToMilliseconds_WholeMilliseconds_AreUnchanged()
    {
        var at = new DateTimeOffset(2025, 6, 15, 1, 30, 0, 123, TimeSpan.Zero);

        Assert.Equal(at, AuditChain.TruncateToMilliseconds(at));
        Assert.Equal(at, AuditChain.TruncateToMilliseconds(AuditChain.TruncateToMilliseconds(at)));
    }

    [Fact]
    public void TruncateToMilliseconds_LocalOffset_ConvertsToUtcSameInstant()
    {
        var beijing = new DateTimeOffset(2025, 6, 15, 9, 30, 0, 500, TimeSpan.FromHours(8));

        var utc = AuditChain.TruncateToMilliseconds(beijing);

        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal(1, utc.Hour);
        Assert.Equal(beijing.UtcTicks, utc.UtcTicks);
    }

    [Fact]
    public void ComputeHash_SameFields_SameHash()
    {
        var a = Unsealed(1);
        var b = Unsealed(1);
        AuditChain.Seal(a, 4, AuditChain.GenesisHash);
        AuditChain.Seal(b, 4, AuditChain.GenesisHash);

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Hash, AuditChain.ComputeHash(a));
    }

    [Fact]
    public void ComputeHash_SameInstantInOtherOffset_SameHash()
    {
        var utc = Unsealed(1);
        utc.At = new DateTimeOffset(2025, 6, 15, 1, 30, 0, TimeSpan.Zero);
        var beijing = Unsealed(1);
        beijing.At = new DateTimeOffset(2025, 6, 15, 9, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(AuditChain.ComputeHash(utc), AuditChain.ComputeHash(beijing));
    }

    [Fact]
    public void ComputeHash_CharacterMovedAcrossFieldBoundary_DiffersFromOriginal()
    {
        var ab = Unsealed(1);
        ab.Actor = "ab";
        ab.Action = "c";
        var a = Unsealed(1);
        a.Actor = "a";
        a.Action = "bc";

        Assert.NotEqual(AuditChain.ComputeHash(ab), AuditChain.ComputeHash(a));
    }

    [Fact]
    public void ComputeHash_SeparatorCharacterMovedAcrossFields_Differs()
    {
        // A scheme joining fields with ':' would give "a:b:c" for both; length prefixes keep them apart.
        var left = Unsealed(1);
        left.Actor = "a:b";
        left.Action = "c";
        var right = Unsealed(1);
        right.Actor = "a";
        right.Action = "b:c";

        Assert.NotEqual(AuditChain.ComputeHash(left), AuditChain.ComputeHash(right));
    }

    [Fact]
    public void ComputeHash_NullAndEmptyBefore_Differ()
    {
        var nullBefore = Unsealed(1);
        nullBefore.Before = null;
        var emptyBefore = Unsealed(1);
        emptyBefore.Before = string.Empty;

        Assert.NotEqual(AuditChain.ComputeHash(nullBefore), AuditChain.ComputeHash(emptyBefore));
    }

    [Fact]
    public void ComputeHash_ValueMovedFromBeforeToAfter_Differs()
    {
        var inBefore = Unsealed(1);
        inBefore.Before = "x";
        inBefore.After = null;
        var inAfter = Unsealed(1);
        inAfter.Before = null;
        inAfter.After = "x";

        Assert.NotEqual(AuditChain.ComputeHash(inBefore), AuditChain.ComputeHash(inAfter));
    }

    [Fact]
    public void ComputeHash_OtherPreviousHash_Differs()
    {
        var a = Unsealed(1);
        var b = Unsealed(1);
        AuditChain.Seal(a, 4, AuditChain.GenesisHash);
        AuditChain.Seal(b, 4, new string('1', 64));

        Assert.NotEqual(a.Hash, b.Hash);
    }
}
