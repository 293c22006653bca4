namespace OrleansBooking.Grains.Patients;

/// <summary>What the hospital's staff look a patient up by; each is one indexed lookup.</summary>
public enum PatientSearchBy
{
    /// <summary>The whole resident ID (18 characters, a final X in upper case).</summary>
    ResidentId,

    /// <summary>The whole mobile number on file.</summary>
    Phone,

    /// <summary>The patient id, or the start of the name.</summary>
    IdOrName,
}

/// <summary>A staff search: the text, and how it reads.</summary>
public sealed record PatientSearch(PatientSearchBy By, string Text);
