using System.Globalization;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts;

/// <summary>A pool as patients and admins see it. Instants are in the hospital's time zone.</summary>
public sealed record PoolResponse(
    string PoolId,
    string DoctorId,
    string Date,
    ClinicSession Session,
    string StartTime,
    int MinutesPerNumber,
    int Quota,
    int Booked,
    int Remaining,
    decimal Fee,
    DateTimeOffset ReleaseAt,
    PoolStatus Status,
    string? DepartmentId = null,
    string Allocation = PoolResponse.FirstCome,
    DateTimeOffset? LotteryClosesAt = null)
{
    /// <summary><see cref="Allocation"/>: numbers to the first to ask, or drawn among the window's entries at <see cref="LotteryClosesAt"/>.</summary>
    public const string FirstCome = "first_come";
    public const string Lottery = "lottery";

    public static PoolResponse From(SlotPoolSnapshot pool, HospitalTime time)
    {
        var definition = pool.Definition;
        return new PoolResponse(
            definition.PoolId,
            definition.DoctorId,
            definition.Date.ToString(WireFormats.Date, CultureInfo.InvariantCulture),
            definition.Session,
            definition.StartTime.ToString(WireFormats.TimeOfDay, CultureInfo.InvariantCulture),
            definition.MinutesPerNumber,
            pool.Quota,
            pool.Booked,
            pool.Remaining,
            definition.Fee,
            time.ToLocal(definition.ReleaseAt),
            pool.StatusAt(time.Now),
            definition.DepartmentId,
            definition.LotteryWindow is null ? FirstCome : Lottery,
            definition.LotteryClosesAt is { } closesAt ? time.ToLocal(closesAt) : null);
    }
}
