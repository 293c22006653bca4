using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBooking.LoadTests.Service;

// The waitlist routes of docs/waitlist-and-lottery.md as the load tester sees them; only the fields it reads.

/// <summary>Body of <c>POST /api/pools/{poolId}/waitlist</c>.</summary>
public sealed record JoinWaitlistRequest(string PatientId);

/// <summary>A patient's place: <c>waiting</c> with a position, or <c>offered</c> with the number held for them.</summary>
public sealed record WaitlistPlace(string PoolId, string PatientId, string Status, int? Position, WaitlistOffer? Offer)
{
    public const string Waiting = "waiting";
    public const string Offered = "offered";
}

/// <summary>The number held for a waiting patient until <see cref="ExpiresAt"/>.</summary>
public sealed record WaitlistOffer(int SequenceNumber, DateTimeOffset ExpiresAt);

/// <summary>What leaving a waitlist or declining an offer answers.</summary>
public sealed record WaitlistLeft(string PoolId, string PatientId, bool DeclinedOffer);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JoinWaitlistRequest))]
[JsonSerializable(typeof(WaitlistPlace))]
[JsonSerializable(typeof(WaitlistLeft))]
public sealed partial class WaitlistJson : JsonSerializerContext;
