namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// A clinical department. <paramref name="ReleaseRule"/> is the department's own release rule, or
/// null to follow the hospital's. An inactive department is hidden and gets no new pools.
/// </summary>
public sealed record Department(
    string DepartmentId,
    string Name,
    string Description,
    string Location,
    ReleaseRule? ReleaseRule,
    bool Active);
