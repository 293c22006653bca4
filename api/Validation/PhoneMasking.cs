namespace OrleansBooking.Api.Validation;

/// <summary>
/// How a mobile number shows to anyone but its owner, in responses, logs and the audit log:
/// first 3 and last 4 digits (<c>13912345678</c> → <c>139****5678</c>), enough to tell a family's
/// numbers apart, not enough to call one.
/// </summary>
public static class PhoneMasking
{
    /// <summary>A mainland mobile number's length.</summary>
    public const int Length = 11;

    public static string Mask(string phone) =>
        phone.Length < 8 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
