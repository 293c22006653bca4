using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// The switch AuthorizationMiddleware reads per request is set, so the read never reaches
/// AppContext.GetData's process-wide lock, and set to the framework's default.
/// </summary>
public sealed class AuthorizationSwitchTests
{
    [Fact]
    public void TheSwitchAuthorizationReadsPerRequestIsSetToTheFrameworksDefault()
    {
        new ServiceCollection().AddBookingAccounts();

        Assert.True(AppContext.TryGetSwitch(AccountsApiRegistration.EndpointAsAuthorizationResource, out var endpointAsResource));
        Assert.False(endpointAsResource);
    }
}
