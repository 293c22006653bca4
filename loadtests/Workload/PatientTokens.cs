using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// The access token of each patient of a run, by population member (member n is patient
/// <c>{prefix}n</c>): a virtual patient sends its own with every reservation and cancellation,
/// since the service takes them only from the account that manages the patient.
/// </summary>
public sealed class PatientTokens
{
    private readonly BearerToken?[] _tokens;

    public PatientTokens(BearerToken?[] tokens, SignInSummary signIn)
    {
        _tokens = tokens;
        SignIn = signIn;
    }

    /// <summary>For a service without patient accounts: nobody signs in and every call goes without a token.</summary>
    public static PatientTokens None { get; } = new([], SignInSummary.None);

    /// <summary>How signing the crowd in went.</summary>
    public SignInSummary SignIn { get; }

    /// <summary>The member's token; null when the service has no patient accounts.</summary>
    public BearerToken? Of(int member) => (uint)member < (uint)_tokens.Length ? _tokens[member] : null;
}
