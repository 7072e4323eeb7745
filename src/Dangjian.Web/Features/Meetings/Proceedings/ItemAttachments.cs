using System.Security.Cryptography;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Proceedings;

public sealed record AttachmentView(int Id, int ItemId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The material attached to an agenda item (上会材料, MTG-3): upload (whole or nothing, at most
/// <see cref="ItemAttachment.MaxBytes"/>), download and removal, each under the meeting's organization's scope.
/// </summary>
public sealed class ItemAttachments(DangjianDbContext db, MeetingAccess access, CurrentUser user, TimeProvider time)
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public async Task<int> UploadAsync(int itemId, string? fileName, Stream content, CancellationToken ct = default)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        if (target.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("Meeting.Cancelled", "id");
        }

        var errors = new FieldErrors();
        var name = Path.GetFileName(errors.Text("fileName", "Field.Item.Attachment", fileName, ItemAttachment.MaxFileNameLength));
        errors.ThrowIfAny();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > ItemAttachment.MaxBytes)
            {
                throw new DomainRuleException("Import.TooLarge", "file", ItemAttachment.MaxBytes / (1024 * 1024));
            }

            buffer.Write(chunk, 0, n);
        }

        if (buffer.Length == 0)
        {
            throw new DomainRuleException("Meeting.EmptyFile", "file");
        }

        var bytes = buffer.ToArray();
        db.ItemAttachments.Add(new ItemAttachment
        {
            ItemId = itemId,
            FileName = name,
            ContentType = Types.TryGetContentType(name, out var type) ? type : "application/octet-stream",
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = time.GetUtcNow(),
            UploadedBy = user.Name,
        });
        db.AuditAction = "ItemAttachment.Uploaded";
        await db.SaveChangesAsync(ct);
        return itemId;
    }

    public async Task<AttachmentFile> DownloadAsync(int attachmentId, CancellationToken ct = default)
    {
        var itemId = await ItemOfAsync(attachmentId, ct);
        await access.DemandItemAsync(itemId, Permission.MeetingsRead, ct);
        return await db.ItemAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content)).FirstAsync(ct);
    }

    public async Task<int> DeleteAsync(int attachmentId, CancellationToken ct = default)
    {
        var itemId = await ItemOfAsync(attachmentId, ct);
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRun, ct);
        MeetingAccess.DemandOpen(target);
        db.ItemAttachments.Remove(await db.ItemAttachments.FirstAsync(a => a.Id == attachmentId, ct));
        db.AuditAction = "ItemAttachment.Removed";
        await db.SaveChangesAsync(ct);
        return target.MeetingId;
    }

    private async Task<int> ItemOfAsync(int attachmentId, CancellationToken ct) =>
        await db.ItemAttachments.AsNoTracking().Where(a => a.Id == attachmentId).Select(a => (int?)a.ItemId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("attachment", attachmentId);
}
