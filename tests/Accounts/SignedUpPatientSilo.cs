using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>A silo of its own per test (the tests move its clock), with a recording SMS gateway and one signed-up patient.</summary>
public abstract class SignedUpPatientSilo : IAsyncLifetime
{
    protected RecordingCodeSender Sender { get; } = new();

    protected BookingApiFactory Silo { get; private set; } = null!;

    /// <summary>A client without a token, as a patient app before sign-in.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The signed-up patient's mobile number (their login).</summary>
    protected string Mobile { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = NewSilo();
        Client = Silo.CreateAnonymousClient();
        Mobile = AccountCalls.NewMobile();
        await Client.SignUpAsync(Sender, Mobile);
    }

    /// <summary>The silo of each test; its SMS gateway must be <see cref="Sender"/>.</summary>
    protected virtual BookingApiFactory NewSilo() => AccountCalls.NewSilo(Sender);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Silo.DisposeAsync();
    }
}
