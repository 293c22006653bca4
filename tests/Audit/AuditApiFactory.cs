using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Audit;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Audit;

/// <summary>The whole silo, its callers' addresses set by <see cref="TestCaller"/>; <see cref="FlushAuditAsync"/> writes what was recorded.</summary>
public sealed class AuditApiFactory : BookingApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, TestCaller>());
    }

    /// <summary>A client signed in as <paramref name="accountId"/> in <paramref name="role"/>, calling from a fixed address.</summary>
    public HttpClient ClientAs(string accountId, string role)
    {
        var client = CreateClientAs(new TestIdentity(role, accountId));
        client.DefaultRequestHeaders.Add(TestCaller.AddressHeader, "203.0.113.9");
        return client;
    }

    public Task FlushAuditAsync() => Services.GetRequiredService<IAuditLog>().FlushAsync(CancellationToken.None);
}
