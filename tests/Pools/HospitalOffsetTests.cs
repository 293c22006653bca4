using System.Net;
using System.Text.RegularExpressions;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// Every instant an answer carries is stated with the hospital's offset (+08:00 in Asia/Shanghai),
/// whichever part of the service made it: a code's expiry, the wait before the next code (issue 15).
/// </summary>
public sealed partial class HospitalOffsetTests
{
    [Fact]
    public async Task InstantsInAccountAnswersCarryTheHospitalsOffset()
    {
        var sender = new RecordingCodeSender();
        await using var silo = AccountCalls.NewSilo(sender);
        using var anonymous = silo.CreateAnonymousClient();
        var mobile = AccountCalls.NewMobile();

        using var sent = await anonymous.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        var codeAnswer = await sent.Content.ReadAsStringAsync();
        using var tooSoon = await anonymous.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        var tooSoonAnswer = await tooSoon.Content.ReadAsStringAsync();

        AssertEveryInstantIsLocal(HttpStatusCode.Accepted, sent.StatusCode, codeAnswer, "expiresAt");
        AssertEveryInstantIsLocal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode, tooSoonAnswer, "retryAt");
    }

    private static void AssertEveryInstantIsLocal(HttpStatusCode expected, HttpStatusCode status, string body, string field)
    {
        Assert.True(expected == status, $"expected {expected}, got {status}: {body}");
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        var instants = Instant().Matches(body).Select(m => m.Value).ToList();
        Assert.NotEmpty(instants);
        Assert.All(instants, instant => Assert.EndsWith("+08:00", instant, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();
}
