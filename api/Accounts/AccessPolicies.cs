using Microsoft.AspNetCore.Authorization;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// The named policies every route picks one of (or AllowAnonymous). Ownership — a patient's own
/// reservations, a doctor's own sessions — is checked in the handlers, against the resource.
/// </summary>
public static class AccessPolicies
{
    public const string SignedIn = "signed_in";
    public const string Patient = "patient";
    /// <summary>A doctor (for their own sessions) or an admin (for any).</summary>
    public const string Clinician = "clinician";
    public const string Admin = "admin";
    /// <summary>A patient (for their own patients) or an admin.</summary>
    public const string PatientOrAdmin = "patient_or_admin";
    /// <summary>A patient (their own reservations), a doctor (their sessions' reservations) or an admin.</summary>
    public const string AnyRole = "any_role";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Patient, p => p.RequireRole(AccountRoles.Patient));
        options.AddPolicy(Clinician, p => p.RequireRole(AccountRoles.Doctor, AccountRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(AccountRoles.Admin));
        options.AddPolicy(PatientOrAdmin, p => p.RequireRole(AccountRoles.Patient, AccountRoles.Admin));
        options.AddPolicy(AnyRole, p => p.RequireRole(AccountRoles.Patient, AccountRoles.Doctor, AccountRoles.Admin));
    }
}
