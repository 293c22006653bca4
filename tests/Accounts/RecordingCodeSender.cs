using System.Collections.Concurrent;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Accounts;

/// <summary>The SMS gateway of the tests: it keeps every code and notice it is asked to send, per number.</summary>
public sealed class RecordingCodeSender : ISignInCodeSender
{
    private readonly ConcurrentDictionary<string, List<(CodePurpose Purpose, string Code)>> sent = new();

    public bool OnlyRecords => false;

    public Task SendAsync(string mobile, CodePurpose purpose, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var list = sent.GetOrAdd(mobile, _ => []);
        lock (list) list.Add((purpose, code));
        return Task.CompletedTask;
    }

    private readonly ConcurrentQueue<(string Mobile, AccountNotice Notice)> notices = new();

    public Task SendNoticeAsync(string mobile, AccountNotice notice, CancellationToken cancellationToken)
    {
        notices.Enqueue((mobile, notice));
        return Task.CompletedTask;
    }

    public IReadOnlyList<AccountNotice> NoticesSentTo(string mobile) => notices.Where(n => n.Mobile == mobile).Select(n => n.Notice).ToList();

    public int CountSentTo(string mobile) => sent.TryGetValue(mobile, out var list) ? list.Count : 0;

    /// <summary>The last code sent to <paramref name="mobile"/> for <paramref name="purpose"/>.</summary>
    public string LastCode(string mobile, CodePurpose purpose)
    {
        Assert.True(sent.TryGetValue(mobile, out var list), $"No code was sent to {mobile}.");
        lock (list) return list.Last(m => m.Purpose == purpose).Code;
    }
}
