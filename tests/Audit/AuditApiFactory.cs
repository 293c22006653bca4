using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Audit;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Audit;

/// <summary>The whole silo with the callers of <see cref="TestCaller"/>; <see cref="FlushAuditAsync"/> writes what was recorded.</summary>
public sealed class AuditApiFactory : BookingApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, TestCaller>());
    }

    public HttpClient ClientAs(string accountId, string role) => TestCaller.As(CreateClient(), accountId, role);

    public Task FlushAuditAsync() => Services.GetRequiredService<IAuditLog>().FlushAsync(CancellationToken.None);
}
