namespace OrleansBooking.Grains.Catalogue;

/// <summary>A doctor who sees outpatients in one department. An inactive doctor is hidden and gets no new pools.</summary>
public sealed record Doctor(
    string DoctorId,
    string Name,
    DoctorTitle Title,
    string DepartmentId,
    IReadOnlyList<string> Specialties,
    string Bio,
    bool Active)
{
    /// <summary>True when the name or a specialty contains <paramref name="text"/>, ignoring case.</summary>
    public bool Matches(string text) =>
        Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Specialties.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase));
}
