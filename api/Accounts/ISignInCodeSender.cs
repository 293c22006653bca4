namespace OrleansBooking.Api.Accounts;

/// <summary>Delivers a one-time code to a mobile number (an SMS gateway in production).</summary>
public interface ISignInCodeSender
{
    /// <summary>True for the built-in sender that only records the message; production refuses it unless told to accept it.</summary>
    bool OnlyRecords { get; }

    Task SendAsync(string mobile, CodePurpose purpose, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
