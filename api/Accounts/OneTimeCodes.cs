using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Six-digit codes sent to a mobile number. Only a hash is stored; a code expires, may be
/// guessed only a few times, and a new one for the same number waits out a resend interval.
/// </summary>
public sealed class OneTimeCodes(IAccountStore store, ISignInCodeSender sender, IOptions<AccountOptions> options, TimeProvider clock)
{
    private AccountOptions Options => options.Value;

    /// <summary>
    /// Sends a fresh code, or says when one may be sent again. A <paramref name="binding"/> (e.g. who
    /// asked for what) is part of the code's hash: only a redemption naming the same binding matches.
    /// </summary>
    public async Task<CodeSendOutcome> SendAsync(string mobile, CodePurpose purpose, CancellationToken cancellationToken, string binding = "")
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return await SendOrWaitAsync(mobile, purpose, Hash(mobile, purpose, binding, code),
            expiresAt => sender.SendAsync(mobile, purpose, code, expiresAt, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="notice"/> where a code was asked for, answering exactly as
    /// <see cref="SendAsync"/> would — resend interval included — so the caller cannot tell which
    /// happened. The stored hash is of no code at all: nothing redeems it.
    /// </summary>
    public Task<CodeSendOutcome> SendNoticeInsteadAsync(string mobile, CodePurpose purpose, AccountNotice notice, CancellationToken cancellationToken) =>
        SendOrWaitAsync(mobile, purpose, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            _ => sender.SendNoticeAsync(mobile, notice, cancellationToken), cancellationToken);

    /// <summary>
    /// For a number with no account: answers as <see cref="SendAsync"/> would, resend interval
    /// included, and sends nothing (an SMS to a stranger's phone costs money and annoys them).
    /// </summary>
    public Task<CodeSendOutcome> PretendToSendAsync(string mobile, CodePurpose purpose, CancellationToken cancellationToken) =>
        SendOrWaitAsync(mobile, purpose, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), _ => Task.CompletedTask, cancellationToken);

    private async Task<CodeSendOutcome> SendOrWaitAsync(
        string mobile, CodePurpose purpose, string codeHash, Func<DateTimeOffset, Task> deliver, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.FindCodeAsync(mobile, purpose, cancellationToken) is { } live
            && live.SentAt.AddSeconds(Options.CodeResendSeconds) is var nextAllowed && nextAllowed > now)
            return new CodeSendOutcome.TooSoon(nextAllowed);

        var expiresAt = now.AddMinutes(Options.CodeValidMinutes);
        await store.SaveCodeAsync(new StoredCode(mobile, purpose, codeHash, now, expiresAt, 0), cancellationToken);
        await deliver(expiresAt);
        return new CodeSendOutcome.Sent(expiresAt);
    }

    /// <summary>True once for the right, unexpired code: a used code is deleted, and too many guesses delete it too.</summary>
    public async Task<bool> RedeemAsync(string mobile, CodePurpose purpose, string code, CancellationToken cancellationToken, string binding = "")
    {
        if (await store.FindCodeAsync(mobile, purpose, cancellationToken) is not { } live) return false;
        if (live.ExpiresAt <= clock.GetUtcNow())
        {
            await store.DeleteCodeAsync(mobile, purpose, cancellationToken);
            return false;
        }
        // Counted before comparing, atomically: parallel guesses cannot all slip under the limit.
        var attempts = await store.CountCodeAttemptAsync(mobile, purpose, cancellationToken);
        var right = attempts > 0 && attempts <= Options.MaxCodeAttempts
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(live.CodeHash), Encoding.ASCII.GetBytes(Hash(mobile, purpose, binding, code)));
        if (right || attempts >= Options.MaxCodeAttempts) await store.DeleteCodeAsync(mobile, purpose, cancellationToken);
        return right;
    }

    // The number and purpose are part of the hash: a code for registering cannot sign anyone in.
    // A code without a binding hashes exactly as before, so codes sent before an upgrade still work.
    private static string Hash(string mobile, CodePurpose purpose, string binding, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(binding.Length == 0 ? $"{mobile}:{purpose}:{code}" : $"{mobile}:{purpose}:{binding}:{code}")));
}

public abstract record CodeSendOutcome
{
    public sealed record Sent(DateTimeOffset ExpiresAt) : CodeSendOutcome;

    public sealed record TooSoon(DateTimeOffset RetryAt) : CodeSendOutcome;
}
