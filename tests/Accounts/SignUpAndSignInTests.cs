using System.Net;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>A patient opens an account with a code sent to their phone and signs in with it, by password or by code.</summary>
public sealed class SignUpAndSignInTests : IAsyncLifetime
{
    private readonly RecordingCodeSender sender = new();
    private BookingApiFactory silo = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        silo = AccountCalls.NewSilo(sender);
        client = silo.CreateAnonymousClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task APatientSignsUpSignsInAndSeesTheirAccount()
    {
        var mobile = AccountCalls.NewMobile();
        var account = await client.SignUpAsync(sender, mobile);
        Assert.Equal((AccountRoles.Patient, mobile), (account.Str("role"), account.Str("login")));

        var tokens = await client.SignInOkAsync(mobile);
        Assert.Equal("Bearer", tokens.Str("tokenType"));
        Assert.Equal(3600, tokens.Int("expiresIn"));

        using var me = await client.GetWithTokenAsync("/api/auth/account", tokens.Str("accessToken"));
        var seen = await me.ReadAsync(HttpStatusCode.OK);
        Assert.Equal((account.Str("accountId"), mobile), (seen.Str("accountId"), seen.Str("login")));
    }

    [Fact]
    public async Task RegisteringWithAWrongCodeCreatesNothing()
    {
        var mobile = AccountCalls.NewMobile();
        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var wrong = sender.LastCode(mobile, CodePurpose.Register) == "000000" ? "111111" : "000000";

        using var registered = await client.PostJsonAsync("/api/auth/register", new { mobile, code = wrong, password = AccountCalls.Password });

        await registered.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        using var signIn = await client.SignInAsync(mobile, AccountCalls.Password);
        await signIn.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task ACodeIsGoodOnceAndOnlyForItsPurpose()
    {
        var mobile = AccountCalls.NewMobile();
        await client.SignUpAsync(sender, mobile);
        var registrationCode = sender.LastCode(mobile, CodePurpose.Register);

        // The used registration code does not sign anyone in.
        using var withOld = await client.PostJsonAsync("/api/auth/sign-in/code", new { mobile, code = registrationCode });
        await withOld.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        using (var sent = await client.PostJsonAsync("/api/auth/sign-in-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var code = sender.LastCode(mobile, CodePurpose.SignIn);
        using var first = await client.PostJsonAsync("/api/auth/sign-in/code", new { mobile, code });
        Assert.False(string.IsNullOrEmpty((await first.ReadAsync(HttpStatusCode.OK)).Str("accessToken")));
        using var again = await client.PostJsonAsync("/api/auth/sign-in/code", new { mobile, code });
        await again.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task AnUnknownNumberAsksForASignInCodeLikeAKnownOneButGetsNoMessage()
    {
        var known = AccountCalls.NewMobile();
        await client.SignUpAsync(sender, known);
        var unknown = AccountCalls.NewMobile();

        using var forKnown = await client.PostJsonAsync("/api/auth/sign-in-codes", new { mobile = known });
        using var forUnknown = await client.PostJsonAsync("/api/auth/sign-in-codes", new { mobile = unknown });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (forKnown.StatusCode, forUnknown.StatusCode));
        Assert.Equal((2, 0), (sender.CountSentTo(known), sender.CountSentTo(unknown)));
    }

    [Fact]
    public async Task ANewCodeWaitsOutTheResendInterval()
    {
        var mobile = AccountCalls.NewMobile();
        using (var first = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await first.ReadAsync(HttpStatusCode.Accepted);

        silo.Clock.Advance(TimeSpan.FromSeconds(45));
        using var tooSoon = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        await tooSoon.ReadProblemAsync(HttpStatusCode.TooManyRequests, "code_too_soon");
        Assert.Equal("15", tooSoon.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        silo.Clock.Advance(TimeSpan.FromSeconds(15));
        using var later = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        await later.ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, sender.CountSentTo(mobile));
    }

    [Fact]
    public async Task AnExpiredCodeIsRefused()
    {
        var mobile = AccountCalls.NewMobile();
        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var code = sender.LastCode(mobile, CodePurpose.Register);

        silo.Clock.Advance(TimeSpan.FromMinutes(5));
        using var registered = await client.PostJsonAsync("/api/auth/register", new { mobile, code, password = AccountCalls.Password });

        await registered.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    [Fact]
    public async Task FiveWrongGuessesThrowACodeAway()
    {
        var mobile = AccountCalls.NewMobile();
        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var code = sender.LastCode(mobile, CodePurpose.Register);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            using var guess = await client.PostJsonAsync("/api/auth/register", new { mobile, code = wrong, password = AccountCalls.Password });
            await guess.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        }

        using var right = await client.PostJsonAsync("/api/auth/register", new { mobile, code, password = AccountCalls.Password });

        await right.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    [Fact]
    public async Task ARegisteredNumberIsAnsweredLikeANewOneAndItsPhoneIsToldInsteadOfSentACode()
    {
        var registered = AccountCalls.NewMobile();
        await client.SignUpAsync(sender, registered);
        var codesBefore = sender.CountSentTo(registered);

        using var forRegistered = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile = registered });
        using var forNew = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile = AccountCalls.NewMobile() });

        var (a, b) = (await forRegistered.Content.ReadAsStringAsync(), await forNew.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (forRegistered.StatusCode, forNew.StatusCode));
        Assert.Equal(b, a);
        Assert.Equal(codesBefore, sender.CountSentTo(registered));
        Assert.Equal([AccountNotice.AlreadyRegistered], sender.NoticesSentTo(registered));
    }

    [Fact]
    public async Task ARegisteredNumberWaitsOutTheResendIntervalLikeANewOne()
    {
        var registered = AccountCalls.NewMobile();
        await client.SignUpAsync(sender, registered);
        using (var first = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile = registered })) await first.ReadAsync(HttpStatusCode.Accepted);

        using var again = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile = registered });

        await again.ReadProblemAsync(HttpStatusCode.TooManyRequests, "code_too_soon");
        Assert.Single(sender.NoticesSentTo(registered));
    }

    public static TheoryData<string, string> BadSignUps => new()
    {
        { """{"mobile": "12345"}""", "mobile" },
        { """{"mobile": "13812345678", "code": "12ab56", "password": "correct horse battery"}""", "code" },
        { """{"mobile": "13812345678", "code": "123456", "password": "short"}""", "password" },
        { """{"mobile": "13812345678", "code": "123456", "password": "correct horse battery", "displayName": "a\u0007b"}""", "displayName" },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task MalformedRegistrationsAreRefusedByField(string raw, string field)
    {
        using var response = await client.PostAsync(raw.Contains("code", StringComparison.Ordinal) ? "/api/auth/register" : "/api/auth/registration-codes", ApiCalls.Json(raw));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(0, sender.CountSentTo("13812345678"));
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownLoginAnswerAlike()
    {
        var mobile = AccountCalls.NewMobile();
        await client.SignUpAsync(sender, mobile);

        using var wrongPassword = await client.SignInAsync(mobile, "not the password");
        using var unknownLogin = await client.SignInAsync(AccountCalls.NewMobile(), AccountCalls.Password);

        var first = await wrongPassword.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await unknownLogin.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal((first.Str("title"), first.Str("detail")), (second.Str("title"), second.Str("detail")));
    }
}
