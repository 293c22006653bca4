namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// What a signed-in caller sends with each request: <c>Authorization: Bearer …</c>. The header value
/// is built once per caller, not once per request, and the raw token is not kept beside it: a rush
/// holds one of these for each of up to hundreds of thousands of patients.
/// </summary>
public sealed class BearerToken(string accessToken)
{
    public string HeaderValue { get; } = "Bearer " + accessToken;
}
