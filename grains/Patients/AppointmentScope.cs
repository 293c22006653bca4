namespace OrleansBooking.Grains.Patients;

/// <summary>Which of a patient's appointments to list.</summary>
public enum AppointmentScope
{
    /// <summary>Still to happen: held numbers on today or later.</summary>
    Upcoming,

    /// <summary>Everything else: visits that are over, missed or cancelled.</summary>
    Past,
}
