using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Analytics;

public sealed class AnalyticsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task QueueEstimateAnswersTheErlangCFigures()
    {
        using var response = await client.GetAsync("/api/analytics/queue-estimate?arrivalsPerHour=12&serviceMinutes=10&servers=3");
        var body = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(12, body.GetProperty("arrivalsPerHour").GetDouble());
        Assert.Equal(3, body.Int("servers"));
        Assert.Equal(18, body.GetProperty("capacityPerHour").GetDouble(), 1e-9);
        Assert.Equal(2.0 / 3, body.GetProperty("utilisation").GetDouble(), 1e-9);
        Assert.Equal(4.0 / 9, body.GetProperty("probabilityOfWaiting").GetDouble(), 1e-9);
        Assert.Equal(60.0 * 4 / 54, body.GetProperty("meanWaitMinutes").GetDouble(), 1e-9);
        Assert.Equal(8.0 / 9, body.GetProperty("meanQueueLength").GetDouble(), 1e-9);
        Assert.Equal(60.0 * 4 / 54 + 10, body.GetProperty("meanTimeInClinicMinutes").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task AnUnstableQueueIs422QueueUnstableWithTheCapacity()
    {
        using var response = await client.GetAsync("/api/analytics/queue-estimate?arrivalsPerHour=18&serviceMinutes=10&servers=3");
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "queue_unstable");

        Assert.Equal(18, problem.GetProperty("capacityPerHour").GetDouble(), 1e-9);
        Assert.Equal(1, problem.GetProperty("utilisation").GetDouble(), 1e-9);
    }

    [Theory]
    [InlineData("serviceMinutes=10&servers=3", "arrivalsPerHour")]
    [InlineData("arrivalsPerHour=0&serviceMinutes=10&servers=3", "arrivalsPerHour")]
    [InlineData("arrivalsPerHour=abc&serviceMinutes=10&servers=3", "arrivalsPerHour")]
    [InlineData("arrivalsPerHour=NaN&serviceMinutes=10&servers=3", "arrivalsPerHour")]
    [InlineData("arrivalsPerHour=12&serviceMinutes=-1&servers=3", "serviceMinutes")]
    [InlineData("arrivalsPerHour=12&serviceMinutes=10&servers=2.5", "servers")]
    [InlineData("arrivalsPerHour=12&serviceMinutes=10&servers=0", "servers")]
    [InlineData("arrivalsPerHour=12&serviceMinutes=10", "servers")]
    public async Task BadParametersAre400NamingTheField(string query, string field)
    {
        using var response = await client.GetAsync("/api/analytics/queue-estimate?" + query);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([field], problem.ErrorFields());
    }
}
