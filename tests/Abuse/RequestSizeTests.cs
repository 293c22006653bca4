using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.RequestLimits;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Patients;

namespace OrleansBooking.Tests.Abuse;

/// <summary>
/// Body size limits, on real Kestrel (the in-process test server enforces none): an oversize body
/// gets 413 problem+json whether it says its length or arrives chunked, and nothing is written.
/// The bodies are valid JSON padded with spaces, so size is the only thing wrong with them.
/// </summary>
public sealed class RequestSizeTests : IAsyncLifetime
{
    private readonly BookingApiFactory factory = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        factory.UseKestrel(0);
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOverTheLimitIsRefusedAndNothingIsWritten(bool chunked)
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Post, "/api/account/patients",
            Body(Registration(), RequestLimitOptions.DefaultMaxRequestBodyBytes + 1, chunked));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        using var readBack = await client.GetAsAccountAsync(account, "/api/account/patients");
        Assert.Empty((await readBack.ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyAtTheLimitIsRead(bool chunked)
    {
        using var response = await client.SendAsAsync(TestIdentity.Patient(PatientCalls.NewId("acct-")), HttpMethod.Post, "/api/account/patients",
            Body(Registration(), RequestLimitOptions.DefaultMaxRequestBodyBytes, chunked));

        await response.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BulkRegistrationMayCarryMore()
    {
        using var response = await client.PostAsync("/api/admin/patients/bulk",
            Body(Bulk(), RequestLimitOptions.DefaultMaxRequestBodyBytes * 4, chunked: false));

        await response.ReadAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BulkRegistrationHasALimitToo(bool chunked)
    {
        using var response = await client.PostAsync("/api/admin/patients/bulk",
            Body(Bulk(), RequestLimitOptions.BulkRegistrationBodyBytes + 1, chunked));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public void KestrelsOwnLimitsSitBeyondOursSoOursAnswerProblems()
    {
        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        // Ours (16 KiB / 50 headers, 8 KiB targets) are RequestShapeCheck's; Kestrel's, four times further out, answer empty bodies.
        Assert.Equal((64 * 1024, 200, 32 * 1024, 64L * 1024),
            (limits.MaxRequestHeadersTotalSize, limits.MaxRequestHeaderCount, limits.MaxRequestLineSize, limits.MaxRequestBodySize));
    }

    private static string Registration() =>
        $$"""{ "name": "张三", "residentId": "{{PatientCalls.ResidentId}}", "phone": "{{PatientCalls.Phone}}" }""";

    private static string Bulk() =>
        $$"""{ "patientIdPrefix": "size-{{Guid.NewGuid().ToString("N")[..8]}}-", "count": 1 }""";

    /// <summary><paramref name="json"/> padded with spaces to exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static HttpContent Body(string json, long bytes, bool chunked)
    {
        var text = Encoding.UTF8.GetBytes(json);
        var body = new byte[bytes];
        Array.Fill(body, (byte)' ');
        text.CopyTo(body, 0);
        HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A body that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += 4096)
                await stream.WriteAsync(body.AsMemory(at, Math.Min(4096, body.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
