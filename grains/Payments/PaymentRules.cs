using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Payments;

/// <summary>
/// Whether a number must be paid for before it is the patient's, and how long it is held unpaid.
/// Bound from configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class PaymentRules
{
    public const string SectionName = "Booking:Payment";

    /// <summary>Booked at once, as before payment existed.</summary>
    public const string None = "none";

    /// <summary>Held as pending payment until paid, expired when the hold runs out.</summary>
    public const string AtBooking = "at-booking";

    public const int DefaultHoldMinutes = 15;

    /// <summary><see cref="None"/> (default) or <see cref="AtBooking"/>.</summary>
    public string Mode { get; set; } = None;

    /// <summary>How long an unpaid number stays held. Default 15 minutes.</summary>
    public int HoldMinutes { get; set; } = DefaultHoldMinutes;

    /// <summary>A department's own mode (department id → mode), e.g. a free clinic that never takes payment.</summary>
    public Dictionary<string, string> DepartmentModes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the cluster looks for holds a lost silo left unexpired. Default 1 minute.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan HoldLength => TimeSpan.FromMinutes(HoldMinutes);

    /// <summary>True when a new reservation in <paramref name="pool"/> starts as a hold: payment is on for its department and there is a fee.</summary>
    public bool HoldsFor(PoolDefinition pool) =>
        pool.Fee > 0 && (pool.DepartmentId is { } department && DepartmentModes.TryGetValue(department, out var own) ? own : Mode) == AtBooking;

    /// <summary>True when no department could ever hold: the rush path then skips everything about holds.</summary>
    public bool IsOff => Mode == None && !DepartmentModes.ContainsValue(AtBooking);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsMode(Mode)) errors.Add($"{SectionName}:{nameof(Mode)} must be '{None}' or '{AtBooking}' (was '{Mode}').");
        foreach (var (department, mode) in DepartmentModes)
            if (!IsMode(mode)) errors.Add($"{SectionName}:{nameof(DepartmentModes)}:{department} must be '{None}' or '{AtBooking}' (was '{mode}').");
        if (HoldMinutes is < 1 or > 24 * 60)
            errors.Add($"{SectionName}:{nameof(HoldMinutes)} must be between 1 and 1440 (was {HoldMinutes}).");
        if (ExpirySweepInterval < TimeSpan.FromSeconds(1) || ExpirySweepInterval > TimeSpan.FromHours(1))
            errors.Add($"{SectionName}:{nameof(ExpirySweepInterval)} must be between 00:00:01 and 01:00:00 (was {ExpirySweepInterval}).");
        return errors;
    }

    private static bool IsMode(string mode) => mode is None or AtBooking;
}
