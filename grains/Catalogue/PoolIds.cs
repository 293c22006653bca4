using System.Globalization;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// Generated pools have ids derived from what they are, <c>{doctorId}-{yyyyMMdd}-{session}</c>, so
/// generating twice names the same pool twice and the pool itself refuses the second creation.
/// </summary>
public static class PoolIds
{
    /// <summary>Doctor ids are kept short enough that every generated pool id fits the API's 64-character ids.</summary>
    public const int MaxDoctorIdLength = 40;

    public static string For(string doctorId, DateOnly date, ClinicSession session) =>
        $"{doctorId}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{session.ToString().ToLowerInvariant()}";
}
