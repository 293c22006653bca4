using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Problems;
using Orleans.Runtime;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Api;

public sealed class GrainFaultTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    public static TheoryData<string, string, int> Faults => new()
    {
        { "overloaded", "overloaded", 1 },
        { "timeout", "timeout", 1 },
        { "storage", "storage_unavailable", 2 },
        { "conflict", "write_conflict", 0 },
        { "silo-lost", "overloaded", 1 },
    };

    private static Exception Fault(string kind) => kind switch
    {
        "overloaded" => new GrainOverloadedException("SlotPoolGrain/p", 10),
        // What Orleans throws when a grain call outlives its response timeout.
        "timeout" => new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request SlotPoolGrain/p"),
        "storage" => new GrainStorageException("SlotPoolGrain/p", versionConflict: false, "disk gone"),
        "conflict" => new GrainStorageException("SlotPoolGrain/p", versionConflict: true, "version 3 is gone"),
        "silo-lost" => new SiloUnavailableException("The target silo became unavailable for message: Request SlotPoolGrain/p"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void EachRuntimeFaultMapsToItsCodeAndRetryDelay(string kind, string code, int retryAfterSeconds)
    {
        var fault = GrainFaults.Describe(Fault(kind));

        Assert.NotNull(fault);
        Assert.Equal((code, retryAfterSeconds), (fault.Code, fault.RetryAfterSeconds));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task TheFaultResultWrites503WithRetryAfterAndTheCode(string kind, string code, int retryAfterSeconds)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await GrainFaults.ToResult(GrainFaults.Describe(Fault(kind))!).ExecuteAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal(retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var body = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(503, body.Int("status"));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AReservationThatHitsARuntimeFaultAnswers503WithRetryAfter(string kind, string code, int retryAfterSeconds)
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<ISlotPoolGrainFactory>(new FailingSlotPools(Fault(kind)))));
        using var client = failing.CreateClientActingAs(TestIdentity.Admin);

        using var response = await client.ReserveAsync("pool-1", "patient-1");

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public void ADatabaseErrorOutsideTheRuntimeIsStorageUnavailable()
    {
        var fault = GrainFaults.Describe(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5));

        Assert.Equal(("storage_unavailable", 2), (fault?.Code, fault?.RetryAfterSeconds));
    }

    [Fact]
    public void AnyOtherExceptionIsNotARetryableFault()
    {
        Assert.Null(GrainFaults.Describe(new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task AnUnexpectedFaultAnswers500ProblemWithoutInternals()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<ISlotPoolGrainFactory>(new FailingSlotPools(new InvalidOperationException("secret connection string")))));
        using var client = failing.CreateClientActingAs(TestIdentity.Admin);

        using var response = await client.GetAsync("/api/pools/pool-1");

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.DoesNotContain("secret", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", problem.GetRawText(), StringComparison.Ordinal);
    }
}
