using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>Signing the crowd in before the release, against <see cref="FakeBookingService"/>.</summary>
public sealed class PatientSignInTests
{
    private const string Password = "run-password-1";

    [Fact]
    public async Task EveryPatientIsSignedInOnceAndBusyAnswersAreRetried()
    {
        var service = new FakeBookingService { Accounts = new FakeAccounts { OverloadFirstSignIns = 3 } };
        service.Accounts.AddPatients(Enumerable.Range(0, 40).Select(n => $"pt{n}"), Password);
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };

        var tokens = await PatientSignIn.RunAsync(new BookingServiceClient(http), "pt", 40, Password, TimeProvider.System, null, CancellationToken.None,
            parallelism: 4);

        Assert.Equal(40, service.Accounts.PatientSignIns);
        Assert.All(Enumerable.Range(0, 40), member => Assert.NotNull(tokens.Of(member)));
        Assert.Equal(40, Enumerable.Range(0, 40).Select(member => tokens.Of(member)!.HeaderValue).Distinct().Count());
        Assert.Equal(new SignInSummary(40, tokens.SignIn.Elapsed, Retries: 3), tokens.SignIn);
    }

    [Fact]
    public async Task APatientWhoCannotSignInStopsTheRunAndIsNamed()
    {
        var service = new FakeBookingService();
        service.Accounts.AddPatients(Enumerable.Range(0, 5).Select(n => $"pt{n}"), Password);
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };

        var e = await Assert.ThrowsAsync<ProvisioningException>(() =>
            PatientSignIn.RunAsync(new BookingServiceClient(http), "pt", 6, Password, TimeProvider.System, null, CancellationToken.None));

        Assert.Contains("pt5", e.Message);
        Assert.Contains("invalid_credentials", e.Message);
    }
}
