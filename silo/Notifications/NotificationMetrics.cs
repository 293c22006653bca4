using System.Diagnostics.Metrics;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Delivery as numbers, on the meter <see cref="MeterName"/> (dotnet-counters, or any
/// OpenTelemetry exporter listening to it): messages sent, attempts failed and messages given up,
/// each tagged with the kind, and the failures in a row of the silo running the dispatcher.
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "OrleansBooking.Notifications";

    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> givenUp;

    public NotificationMetrics(IMeterFactory meters, NotificationDeliveryStatus status)
    {
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>("booking.notifications.sent", "{message}", "Messages delivered to the sender.");
        failed = meter.CreateCounter<long>("booking.notifications.failed", "{attempt}", "Attempts the sender refused or that failed.");
        givenUp = meter.CreateCounter<long>("booking.notifications.dead", "{message}", "Messages given up after the last attempt.");
        meter.CreateObservableGauge("booking.notifications.failures_in_a_row", () => status.FailuresInARow, "{attempt}",
            "Failed attempts since the last delivered message; past Booking:Notifications:DegradedAfterFailures, /health/ready says degraded.");
    }

    public void Sent(string kind) => sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void GaveUp(string kind) => givenUp.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
