namespace OrleansBooking.LoadTests.Service;

/// <summary>The admin the suite signs in as to set a run up and read it back.</summary>
public sealed record AdminCredentials(string Login, string Password)
{
    /// <summary>Leaves the password out, so printing the credentials never puts it in a console or log.</summary>
    public override string ToString() => $"admin '{Login}'";
}
