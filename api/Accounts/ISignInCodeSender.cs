namespace OrleansBooking.Api.Accounts;

/// <summary>Delivers a one-time code to a mobile number (an SMS gateway in production).</summary>
public interface ISignInCodeSender
{
    /// <summary>True for the built-in sender that only records the message; production refuses it unless told to accept it.</summary>
    bool OnlyRecords { get; }

    Task SendAsync(string mobile, CodePurpose purpose, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Tells the phone's owner something about their account, in place of a code.</summary>
    Task SendNoticeAsync(string mobile, AccountNotice notice, CancellationToken cancellationToken);
}

/// <summary>Messages to a phone that carry no code.</summary>
public enum AccountNotice
{
    /// <summary>Someone asked to open an account with a number that has one: "you already have an account; sign in, or reset your password".</summary>
    AlreadyRegistered,
}
