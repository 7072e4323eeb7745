using BenchmarkDotNet.Attributes;
using Dangjian.Domain.Audit;
using Dangjian.Domain.People;

namespace Dangjian.Bench;

/// <summary>
/// Micro-benchmarks of the per-row rules an import and every save run: ID-number validation (each
/// roster row) and the audit chain's hash (each audited change).
/// </summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly AuditEntry _entry = new()
    {
        Sequence = 123_456,
        At = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero),
        Actor = "orgadmin.a",
        Action = "Updated",
        EntityType = "Person",
        EntityId = "4711",
        Before = """{"Name":"王建国","Gender":"Male","IdNumber":"519***********1234","BirthDate":"1970-05-01","Status":"Probationary","OrganizationId":31,"Phone":"13812345678","Version":3}""",
        After = """{"Name":"王建国","Gender":"Male","IdNumber":"519***********1234","BirthDate":"1970-05-01","Status":"Full","OrganizationId":31,"Phone":"13812345678","Version":4}""",
        PreviousHash = new string('a', 64),
    };

    public string ValidId { get; } = WithCheck("51990219700501123");

    public string BadChecksumId { get; } = "519902197005011230";

    [Benchmark]
    public IdNumberError ValidateValidIdNumber() => IdNumber.Validate(ValidId, Today);

    [Benchmark]
    public IdNumberError ValidateBadChecksum() => IdNumber.Validate(BadChecksumId, Today);

    [Benchmark]
    public string AuditComputeHash() => AuditChain.ComputeHash(_entry);

    private static string WithCheck(string first17) => first17 + IdNumber.CheckCharacter(first17);
}
