namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// A clinical department. <paramref name="ReleaseRule"/> is the department's own release rule, or
/// null to follow the hospital's. An inactive department is hidden and gets no new pools.
/// <paramref name="Ages"/>: the ages it sees (a children's clinic), or null for everyone.
/// </summary>
public sealed record Department(
    string DepartmentId,
    string Name,
    string Description,
    string Location,
    ReleaseRule? ReleaseRule,
    bool Active,
    AgeRange? Ages = null);
