namespace OrleansBooking.Grains.Patients;

/// <summary>What a pool means to the limits: its visit day, and its department when the pool names one.</summary>
public readonly record struct VisitDay(DateOnly Date, string? DepartmentId);
