namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// What one generator run did over the window: pools created, pools whose quota it raised to the
/// template's, and pools it left as they were (already there, or a cancelled session).
/// </summary>
public sealed record GenerationReport(DateOnly From, DateOnly To, int Planned, int Created, int QuotaRaised, int Unchanged);
