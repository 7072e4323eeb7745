using System.Security.Cryptography;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>
/// 佐证材料 (CMT-5): a file uploaded to an item while it is being fulfilled, whole or not at all, at most
/// <see cref="CommitmentEvidenceFile.MaxBytes"/>, by Commitments.Run on the item's organization; read back by anyone who
/// reads the item. Progress records cite the files (<see cref="FulfilmentRecord.EvidenceFileIds"/>).
/// </summary>
public sealed class EvidenceFiles(DangjianDbContext db, FulfilmentAccess access, CurrentUser user, TimeProvider time)
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Checks the caller may add evidence to the item before any byte is read.</summary>
    public async Task DemandUploadAsync(int commitmentId, CancellationToken ct = default)
    {
        var (item, _) = await access.DemandItemAsync(commitmentId, Permission.CommitmentsRun, false, ct);
        if (!item.InFulfilment)
        {
            throw new DomainRuleException("Commitment.NotInFulfilment", "status");
        }
    }

    /// <summary>Stores the file of <paramref name="size"/> bytes; refused, storing nothing, when empty or over the limit.</summary>
    public async Task<int> UploadAsync(int commitmentId, string? fileName, long size, Func<Stream> open, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        await DemandUploadAsync(commitmentId, ct);
        var errors = new FieldErrors();
        var name = Path.GetFileName(errors.Text("file", "Field.Commitment.Evidence", fileName, CommitmentEvidenceFile.MaxFileNameLength));
        errors.ThrowIfAny();
        if (size > CommitmentEvidenceFile.MaxBytes)
        {
            throw new DomainRuleException("Import.TooLarge", "file", CommitmentEvidenceFile.MaxBytes / (1024 * 1024));
        }

        using var buffer = new MemoryStream();
        await using (var content = open())
        {
            await content.CopyToAsync(buffer, ct);
        }

        if (buffer.Length == 0)
        {
            throw new DomainRuleException("Meeting.EmptyFile", "file");
        }

        // The declared size is the client's word; the bytes read are what is stored.
        if (buffer.Length > CommitmentEvidenceFile.MaxBytes)
        {
            throw new DomainRuleException("Import.TooLarge", "file", CommitmentEvidenceFile.MaxBytes / (1024 * 1024));
        }

        var bytes = buffer.ToArray();
        var file = new CommitmentEvidenceFile
        {
            CommitmentId = commitmentId,
            FileName = name,
            ContentType = Types.TryGetContentType(name, out var type) ? type : "application/octet-stream",
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = time.GetUtcNow(),
            UploadedBy = user.Name,
        };
        db.CommitmentEvidenceFiles.Add(file);
        // The row is audited as created (its SHA-256, never the bytes); the event names what happened to the item.
        db.AddAuditEvent("CommitmentEvidenceFile.Uploaded", nameof(Commitment), Key(commitmentId), new { file.FileName, file.Size, file.Sha256 });
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    public async Task<EvidenceContent> DownloadAsync(int commitmentId, int evidenceId, CancellationToken ct = default)
    {
        await access.DemandItemAsync(commitmentId, Permission.CommitmentsRead, false, ct);
        return await db.CommitmentEvidenceFiles.AsNoTracking().Where(f => f.Id == evidenceId && f.CommitmentId == commitmentId)
            .Select(f => new EvidenceContent(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("evidence", evidenceId);
    }

    internal static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
