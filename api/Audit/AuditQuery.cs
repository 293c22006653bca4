namespace OrleansBooking.Api.Audit;

/// <summary>
/// Which entries an admin asks for: occurred in [<see cref="From"/>, <see cref="To"/>), by one
/// account, of one action, older than entry <see cref="Before"/> (the next page); null means any.
/// At most <see cref="Limit"/> entries, newest first.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? AccountId = null,
    string? Action = null,
    long? Before = null,
    int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
