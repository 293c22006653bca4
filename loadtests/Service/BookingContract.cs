using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBooking.LoadTests.Service;

// The HTTP contract of API.md, as the load tester sees it. Only the fields the suite reads are
// declared; anything else the service adds is ignored, so the suite keeps working as it grows.

/// <summary>Body of <c>POST /api/admin/pools</c>.</summary>
public sealed record NewPool(
    string? PoolId, string DoctorId, string Date, string Session, string StartTime,
    int MinutesPerNumber, int Quota, decimal Fee, DateTimeOffset ReleaseAt, NewLottery? Lottery = null);

/// <summary>Body of <c>PATCH /api/admin/pools/{poolId}</c>; absent fields stay as they are.</summary>
public sealed record PoolChange(int? Quota = null, DateTimeOffset? ReleaseAt = null, string? Status = null);

/// <summary>A pool as <c>GET /api/pools/{poolId}</c> returns it.</summary>
public sealed record PoolSnapshot(
    string PoolId, string? DoctorId, string? Date, string? Session, int Quota, int Booked, int Remaining,
    DateTimeOffset ReleaseAt, string Status);

/// <summary>Body of <c>POST /api/pools/{poolId}/reservations</c>.</summary>
public sealed record ReservationRequest(string PatientId);

/// <summary>A reservation as the service returns it.</summary>
public sealed record Reservation(string ReservationId, string PoolId, string PatientId, int SequenceNumber, string Status)
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
    public const string PendingPayment = "pending_payment";

    // Read by the payment and waitlist checks: when the number was taken and given back, and what it owes.
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancellationReason { get; init; }
    public ReservationPayment? Payment { get; init; }

    /// <summary>Holds a number: every status except those that gave it back.</summary>
    public bool HoldsNumber =>
        !string.Equals(Status, Cancelled, StringComparison.OrdinalIgnoreCase) && !string.Equals(Status, "no_show", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A reservation's fee fixed at hold time (fen), its hold's end, and when it was paid.</summary>
public sealed record ReservationPayment(long FeeFen, DateTimeOffset HoldExpiresAt, DateTimeOffset? PaidAt);

/// <summary>Body of <c>POST /api/admin/patients/bulk</c>; with a password each patient also gets an account (login = patient id).</summary>
public sealed record BulkPatients(string PatientIdPrefix, int Count, int First, string? Password = null);

/// <summary>
/// What <c>POST /api/admin/patients/bulk</c> answers. <see cref="AccountsCreated"/> is absent from a
/// service without patient accounts, which is how the suite tells it needs no patient tokens.
/// </summary>
public sealed record BulkRegistration(int Requested, int Registered, int Existing, int? AccountsCreated);

/// <summary>Body of <c>POST /api/auth/sign-in</c>.</summary>
public sealed record SignInRequest(string Login, string Password);

/// <summary>Body of <c>POST /api/auth/refresh</c>.</summary>
public sealed record RefreshRequest(string RefreshToken);

/// <summary>What a sign-in or refresh answers: send <c>Authorization: Bearer {AccessToken}</c>.</summary>
public sealed record SignInResponse(string TokenType, string AccessToken, long ExpiresIn, string? RefreshToken);

/// <summary>The parts of an <c>application/problem+json</c> body the suite acts on.</summary>
public sealed record Problem(string? Code, string? Title, DateTimeOffset? ReleaseAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewPool))]
[JsonSerializable(typeof(PoolChange))]
[JsonSerializable(typeof(PoolSnapshot))]
[JsonSerializable(typeof(ReservationRequest))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(List<Reservation>))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(BulkPatients))]
[JsonSerializable(typeof(BulkRegistration))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(SignInResponse))]
public sealed partial class BookingJson : JsonSerializerContext;
