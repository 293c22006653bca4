using System.Diagnostics.Metrics;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Metrics;

/// <summary>Reservations decided, by outcome (reserved, sold_out, …), on the service's meter; exported on /metrics.</summary>
public static class ReservationMetrics
{
    private static readonly Meter Meter = new(Grains.GroupCommit.GroupCommitMetrics.MeterName);
    private static readonly Counter<long> Decided = Meter.CreateCounter<long>("orleansbooking.reservations.decided", "{reservation}", "Reservation attempts a pool decided, by outcome.");

    public static void Record(ReserveOutcome outcome) =>
        Decided.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            ReserveOutcome.Reserved { Replayed: true } => "replayed",
            ReserveOutcome.Reserved => "reserved",
            ReserveOutcome.SoldOut => "sold_out",
            ReserveOutcome.NotReleased => "not_released",
            ReserveOutcome.AlreadyBooked => "already_booked",
            ReserveOutcome.PoolClosed => "pool_closed",
            ReserveOutcome.PoolNotFound => "pool_not_found",
            ReserveOutcome.IdempotencyKeyReused => "idempotency_key_reused",
            ReserveOutcome.OfferExpired => "offer_expired",
            ReserveOutcome.NoOffer => "offer_not_found",
            ReserveOutcome.Entered => "entered",
            _ => "other",
        }));
}
