using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>Signing up and in through the real routes, as a patient app does.</summary>
internal static class AccountCalls
{
    public const string Password = "correct horse battery";

    /// <summary>A silo whose SMS gateway is <paramref name="sender"/>.</summary>
    public static BookingApiFactory NewSilo(RecordingCodeSender sender) =>
        new BookingApiFactory().WithServices(services => services.AddSingleton<ISignInCodeSender>(sender));

    public static string NewMobile() => "138" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string uri, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>Code, then registration: a patient account for <paramref name="mobile"/>.</summary>
    public static async Task<JsonElement> SignUpAsync(this HttpClient client, RecordingCodeSender sender, string mobile, string password = Password)
    {
        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var code = sender.LastCode(mobile, CodePurpose.Register);
        using var registered = await client.PostJsonAsync("/api/auth/register", new { mobile, code, password });
        return await registered.ReadAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password) =>
        client.PostJsonAsync("/api/auth/sign-in", new { login, password });

    /// <summary>Signs in and returns the token response (accessToken, refreshToken, expiresIn).</summary>
    public static async Task<JsonElement> SignInOkAsync(this HttpClient client, string login, string password = Password)
    {
        using var response = await client.SignInAsync(login, password);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public static async Task<string> AccessTokenAsync(this HttpClient client, string login, string password = Password) =>
        (await client.SignInOkAsync(login, password)).Str("accessToken");
}
