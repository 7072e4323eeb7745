using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Dangjian.Domain.Reminders;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dangjian.Web.Features.Reminders;

/// <summary>A transport could not deliver; the text is safe to store (no message body, no URL, no key).</summary>
public sealed class ReminderSendException(string message) : Exception(message);

/// <summary>
/// E-mail over SMTP (MailKit). The Message-ID is derived from the message's key, channel and recipient, so a message sent
/// again after a crash between sending and marking it sent carries the same Message-ID and a mail client or server can
/// drop the duplicate. The body is never logged.
/// </summary>
public sealed class EmailTransport(IOptions<ReminderOptions> options)
{
    public async Task SendAsync(OutboxMessage m, string address, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new ReminderSendException("SMTP not configured (Reminders:Smtp:Host)");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = m.Subject;
        message.MessageId = MessageId(m);
        message.Body = new TextPart("plain") { Text = m.Body };
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException)
        {
            throw new ReminderSendException($"SMTP: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A stable Message-ID for one outbox message: the same on every attempt.</summary>
    public static string MessageId(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{m.Key}\n{m.Channel}\n{m.RecipientPersonId}"));
        return $"{Convert.ToHexStringLower(hash)[..32]}@reminders.dangjian";
    }
}

/// <summary>
/// A group robot's webhook: the documented text message, the same JSON for both —
/// 企业微信 群机器人 (https://developer.work.weixin.qq.com/document/path/91770): <c>{"msgtype":"text","text":{"content":"…"}}</c>;
/// 钉钉 自定义机器人 (https://open.dingtalk.com/document/orgapp/custom-robot-access): <c>{"msgtype":"text","text":{"content":"…"}}</c>.
/// Both answer <c>{"errcode":0,"errmsg":"ok"}</c>; a non-2xx status or an errcode other than 0 (a flood limit, a bad key) is a
/// failure, retried after the back-off. The URL holds the robot's key and never appears in an error or a log.
/// </summary>
public sealed class RobotTransport(IHttpClientFactory clients, IOptions<ReminderOptions> options)
{
    public const string ClientName = "reminders-robot";

    /// <summary>UTF-8 as it is (both documents ask for UTF-8), not \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task SendAsync(OutboxMessage m, string recipientName, CancellationToken ct)
    {
        var robot = options.Value.Robot;
        if (string.IsNullOrWhiteSpace(robot.Url))
        {
            throw new ReminderSendException("Robot not configured (Reminders:Robot:Url)");
        }

        var payload = new { msgtype = "text", text = new { content = Content(m, recipientName) } };
        var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync(robot.Url, payload, Json, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ReminderSendException($"{robot.Kind}: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ReminderSendException($"{robot.Kind}: timeout");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ReminderSendException($"{robot.Kind}: HTTP {(int)response.StatusCode}");
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            int? code = null;
            string? reason = null;
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("errcode", out var c) && c.ValueKind == JsonValueKind.Number)
                {
                    code = c.GetInt32();
                }

                if (json.RootElement.TryGetProperty("errmsg", out var r) && r.ValueKind == JsonValueKind.String)
                {
                    reason = r.GetString();
                }
            }
            catch (JsonException)
            {
                throw new ReminderSendException($"{robot.Kind}: reply is not JSON");
            }

            if (code is not 0)
            {
                throw new ReminderSendException($"{robot.Kind}: errcode {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"} {reason}".Trim());
            }
        }
    }

    /// <summary>What the group reads: the subject, then whom it is for and the body.</summary>
    public static string Content(OutboxMessage m, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(m);
        return $"【{m.Subject}】\n{recipientName}：{m.Body}";
    }
}
