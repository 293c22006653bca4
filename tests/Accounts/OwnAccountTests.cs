using System.Net;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>The signed-in owner changes their password, and moves their account to a new mobile number with codes to both numbers.</summary>
public sealed class OwnAccountTests : SignedUpPatientSilo
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndSignsTheOtherSessionsOut()
    {
        var phone = await Client.SignInOkAsync(Mobile);
        var laptop = await Client.SignInOkAsync(Mobile);

        using (var wrong = await Client.PostJsonAsync("/api/auth/account/password",
            new { currentPassword = "not the password", newPassword = NewPassword }, phone.Str("accessToken")))
            await wrong.ReadProblemAsync(HttpStatusCode.BadRequest, "wrong_password");
        using (var right = await Client.PostJsonAsync("/api/auth/account/password",
            new { currentPassword = AccountCalls.Password, newPassword = NewPassword }, phone.Str("accessToken")))
            Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);

        using (var same = await Client.GetWithTokenAsync("/api/auth/account", phone.Str("accessToken"))) Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        using (var other = await Client.GetWithTokenAsync("/api/auth/account", laptop.Str("accessToken")))
            Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        await Client.SignInOkAsync(Mobile, NewPassword);
    }

    [Fact]
    public async Task TheAccountMovesToANewMobileWithCodesToTheOldAndTheNewNumber()
    {
        var token = await Client.AccessTokenAsync(Mobile);
        var newMobile = AccountCalls.NewMobile();

        using (var sent = await Client.PostJsonAsync("/api/auth/account/mobile-codes", new { mobile = newMobile }, token))
            await sent.ReadAsync(HttpStatusCode.Accepted);
        using var moved = await Client.PostJsonAsync("/api/auth/account/mobile", new
        {
            mobile = newMobile,
            currentCode = Sender.LastCode(Mobile, CodePurpose.MobileChange),
            newCode = Sender.LastCode(newMobile, CodePurpose.MobileChange),
        }, token);

        Assert.Equal(newMobile, (await moved.ReadAsync(HttpStatusCode.OK)).Str("login"));
        await Client.SignInOkAsync(newMobile);
        using var oldLogin = await Client.SignInAsync(Mobile, AccountCalls.Password);
        await oldLogin.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task WithoutTheCodeSentToTheOldNumberTheAccountStays()
    {
        var token = await Client.AccessTokenAsync(Mobile);
        var newMobile = AccountCalls.NewMobile();
        using (var sent = await Client.PostJsonAsync("/api/auth/account/mobile-codes", new { mobile = newMobile }, token))
            await sent.ReadAsync(HttpStatusCode.Accepted);
        var oldCode = Sender.LastCode(Mobile, CodePurpose.MobileChange);

        using var moved = await Client.PostJsonAsync("/api/auth/account/mobile", new
        {
            mobile = newMobile,
            currentCode = oldCode == "000000" ? "111111" : "000000",
            newCode = Sender.LastCode(newMobile, CodePurpose.MobileChange),
        }, token);

        await moved.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        await Client.SignInOkAsync(Mobile);
    }

    [Fact]
    public async Task ANewNumberThatHasAnAccountIsToldSoAndTheAnswerIsTheSame()
    {
        var taken = AccountCalls.NewMobile();
        await Client.SignUpAsync(Sender, taken);
        var token = await Client.AccessTokenAsync(Mobile);
        var codesBefore = Sender.CountSentTo(taken);

        using var sent = await Client.PostJsonAsync("/api/auth/account/mobile-codes", new { mobile = taken }, token);

        await sent.ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(codesBefore, Sender.CountSentTo(taken));
        Assert.Equal([AccountNotice.AlreadyRegistered], Sender.NoticesSentTo(taken));
    }
}
