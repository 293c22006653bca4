using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// The outbox's <c>kind</c> values. Each has a template in both languages
/// (<see cref="NotificationTexts"/>); a kind without one is given up at once, never sent blank.
/// </summary>
public static class NotificationKinds
{
    public const string BookingConfirmed = "booking_confirmed";
    public const string ReservationCancelled = "reservation_cancelled";
    public const string VisitReminder = "visit_reminder";
    public const string ClinicStopped = ClinicStopNotice.Kind;

    /// <summary>Written by the payment flow: <c>{"reservationId", "holdExpiresAt"}</c>.</summary>
    public const string PaymentDue = "payment_due";

    /// <summary>Written by the payment flow: <c>{"reservationId"}</c>.</summary>
    public const string PaymentExpired = "payment_expired";

    /// <summary>A freed number held for a waiting patient: <c>{"poolId", "sequenceNumber", "visitTime", "offerExpiresAt"}</c>.</summary>
    public const string WaitlistOffer = "waitlist_offer";

    /// <summary>A waiting (or offered) patient's entry ended because the clinic was stopped: <c>{"poolId", "reason"}</c>.</summary>
    public const string WaitlistEnded = "waitlist_ended";

    /// <summary>A lottery entrant's result: <c>{"poolId", "won", "sequenceNumber"?, "visitTime"?, "reservationId"?}</c>.</summary>
    public const string LotteryResult = "lottery_result";

    /// <summary>The words of a <see cref="LotteryResult"/> for a winner and for the others (template keys, not kinds).</summary>
    public const string LotteryWon = "lottery_result.won";
    public const string LotteryLost = "lottery_result.lost";

    /// <summary>The kinds about a patient and a pool (<c>poolId</c>) with no reservation to read the facts from.</summary>
    public static readonly IReadOnlySet<string> AboutAPool = new HashSet<string>(StringComparer.Ordinal) { WaitlistOffer, WaitlistEnded, LotteryResult };

    /// <summary>A one-time sign-in code; its payload is sealed and emptied once delivered.</summary>
    public const string SignInCode = "sign_in_code";

    /// <summary>A message about an account that carries no code (e.g. "you already have an account"); sealed like a code.</summary>
    public const string AccountNotice = "account_notice";

    /// <summary>The kinds whose payload names a reservation (<c>reservationId</c>) the message is about.</summary>
    public static readonly IReadOnlySet<string> AboutAReservation = new HashSet<string>(StringComparer.Ordinal)
    {
        BookingConfirmed, ReservationCancelled, VisitReminder, ClinicStopped, PaymentDue, PaymentExpired,
    };

    /// <summary>
    /// The kinds that can wait while the bookings' rush is on (<see cref="RushHold"/>): the patient already
    /// has the answer on the screen, or the message is about a day ahead. Not in it, so never held: sign-in
    /// codes and account notices (the patient is waiting at the sign-in page), a waitlist offer and a payment
    /// due (each runs out), a stopped clinic (the patient may be on the way), and any kind added later until
    /// someone decides it can wait.
    /// </summary>
    public static readonly IReadOnlyList<string> CanWaitForTheRush =
    [
        BookingConfirmed, ReservationCancelled, VisitReminder, PaymentExpired, WaitlistEnded, LotteryResult,
    ];

    /// <summary>The kinds whose payload holds a sealed phone number (and code).</summary>
    public static readonly IReadOnlySet<string> Sealed = new HashSet<string>(StringComparer.Ordinal) { SignInCode, AccountNotice };
}
