namespace OrleansBooking.Silo.Hosting.SlotPools;

/// <summary>Which engine decides reservations. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class BookingEngineOptions
{
    public const string SectionName = "Booking";
    public const string Actor = "actor";
    public const string Conventional = "conventional";
    public const string DefaultEngine = Actor;

    /// <summary>
    /// "actor" (default): each pool is an actor that decides in memory and commits in batches.
    /// "conventional": one locking database transaction per call, kept for side-by-side comparison.
    /// </summary>
    public string Engine { get; set; } = DefaultEngine;
}
