using System.Net;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>A patient who forgot their password sets a new one with a code to their phone; nobody learns which numbers have accounts.</summary>
public sealed class PasswordResetTests : SignedUpPatientSilo
{
    private const string NewPassword = "a brand new passphrase";

    private async Task<string> SendResetCodeAsync()
    {
        using (var sent = await Client.PostJsonAsync("/api/auth/password-reset-codes", new { mobile = Mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        return Sender.LastCode(Mobile, CodePurpose.PasswordReset);
    }

    [Fact]
    public async Task AForgottenPasswordIsResetWithTheCodeAndEverySessionIsSignedOut()
    {
        var before = await Client.SignInOkAsync(Mobile);
        var code = await SendResetCodeAsync();

        using (var reset = await Client.PostJsonAsync("/api/auth/password-reset", new { mobile = Mobile, code, password = NewPassword }))
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using (var oldToken = await Client.GetWithTokenAsync("/api/auth/account", before.Str("accessToken")))
            Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        using (var oldPassword = await Client.SignInAsync(Mobile, AccountCalls.Password))
            await oldPassword.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await Client.SignInOkAsync(Mobile, NewPassword);
    }

    [Fact]
    public async Task AWrongResetCodeChangesNothing()
    {
        var code = await SendResetCodeAsync();

        using var reset = await Client.PostJsonAsync("/api/auth/password-reset",
            new { mobile = Mobile, code = code == "000000" ? "111111" : "000000", password = NewPassword });

        await reset.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task AnUnknownNumberIsAnsweredLikeAPatientsResendIntervalIncludedAndSentNothing()
    {
        var unknown = AccountCalls.NewMobile();

        using var forPatient = await Client.PostJsonAsync("/api/auth/password-reset-codes", new { mobile = Mobile });
        using var forUnknown = await Client.PostJsonAsync("/api/auth/password-reset-codes", new { mobile = unknown });
        Assert.Equal((HttpStatusCode.Accepted, await forPatient.Content.ReadAsStringAsync()),
            (forUnknown.StatusCode, await forUnknown.Content.ReadAsStringAsync()));

        using var againForUnknown = await Client.PostJsonAsync("/api/auth/password-reset-codes", new { mobile = unknown });
        await againForUnknown.ReadProblemAsync(HttpStatusCode.TooManyRequests, "code_too_soon");
        Assert.Equal(0, Sender.CountSentTo(unknown));
    }
}
