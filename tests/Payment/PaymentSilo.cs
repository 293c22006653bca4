using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Audit;

namespace OrleansBooking.Tests.Payment;

/// <summary>
/// The whole silo with payment at booking and the sandbox provider, whose callbacks reach this
/// in-process server. Tests can take the provider down (<see cref="Provider"/>), make the books fail
/// right after a payment was decided (<see cref="Ledger"/>), and read what was audited.
/// </summary>
public class PaymentSilo : BookingApiFactory
{
    public const string Secret = "a-test-sandbox-secret-of-more-than-32-characters";

    public PaymentSilo()
    {
        With("Booking:Payment:Mode", "at-booking");
        With("Booking:Payment:Sandbox:Secret", Secret);
        With("Booking:Payment:Sandbox:CallbackUrl", "http://localhost" + SandboxCallbackSender.CallbackPath);
        WithServices(services =>
        {
            services.AddHttpClient(SandboxCallbackSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            services.AddSingleton<IPaymentProvider>(sp => Provider.Wrapping(ActivatorUtilities.CreateInstance<SandboxProvider>(sp)));
            services.AddSingleton<IPaymentLedger>(sp => Ledger.Wrapping(sp.GetRequiredService<Silo.Storage.HospitalReadModels>().PaymentLedger));
            services.AddSingleton<OrleansBooking.Api.Audit.IAuditLog>(Audit);
        });
    }

    public SwitchableProvider Provider { get; } = new();

    public FaultyLedger Ledger { get; } = new();

    public RecordingAuditLog Audit { get; } = new();

    public RefundRun Refunds => Services.GetRequiredService<RefundRun>();

    /// <summary>The hold's payment as the patient opens it (201 the first time).</summary>
    public async Task<JsonElement> OpenPaymentAsync(HttpClient client, JsonElement hold)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{hold.Str("reservationId")}/payment")
            .As(await client.ManagingAccountAsync(hold.Str("patientId"))));
        return await response.ReadAsync(System.Net.HttpStatusCode.Created);
    }

    public static string ProviderPaymentIdOf(JsonElement payment) => payment.Str("payUrl").Split("payment=")[1];

    /// <summary>Presses a button of the sandbox's pay page ("pay" or "fail").</summary>
    public static async Task<JsonElement> PressAsync(HttpClient client, JsonElement payment, string button)
    {
        using var response = await client.PostAsync($"/api/sandbox-pay/{ProviderPaymentIdOf(payment)}/{button}", null);
        return await response.ReadAsync(System.Net.HttpStatusCode.OK);
    }

    /// <summary>A callback as the sandbox would send it, signed with <paramref name="secret"/> at <paramref name="signedAt"/>.</summary>
    public static HttpRequestMessage Callback(string body, DateTimeOffset signedAt, string secret = Secret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxCallbackSender.CallbackPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SandboxSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SandboxSignature.SignatureHeader, SandboxSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static string CallbackBody(JsonElement payment, string status, string? eventId = null, long? amountFen = null) =>
        JsonSerializer.Serialize(new SandboxCallbackBody(
            eventId ?? "evt" + Guid.NewGuid().ToString("N"), payment.Str("paymentId"), ProviderPaymentIdOf(payment), status,
            amountFen ?? payment.GetProperty("amountFen").GetInt64(), "CNY", DateTimeOffset.UnixEpoch), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the audit log holds an entry of <paramref name="status"/> for <paramref name="action"/> (it is recorded once the answer is written).</summary>
    public async Task<OrleansBooking.Api.Audit.AuditEntry> AuditedAsync(string action, int status, Func<OrleansBooking.Api.Audit.AuditEntry, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = Audit.Entries.FirstOrDefault(e => e.Action == action && e.StatusCode == status && (match?.Invoke(e) ?? true));
            if (found is not null) return found;
            Assert.True(DateTime.UtcNow < deadline, $"No audit entry {action} {status}; have: {string.Join(", ", Audit.Entries.Select(e => $"{e.Action} {e.StatusCode}"))}");
            await Task.Delay(20);
        }
    }
}

/// <summary>The real provider, or "down" (every call fails as a gateway that cannot be reached) while <see cref="Down"/>.</summary>
public sealed class SwitchableProvider : IPaymentProvider
{
    private IPaymentProvider inner = null!;

    public volatile bool Down;

    public int RefundCalls;

    public IPaymentProvider Wrapping(IPaymentProvider provider)
    {
        inner = provider;
        return this;
    }

    public string Name => inner.Name;

    public Task<ProviderPayment> CreatePaymentAsync(PaymentOrder order, CancellationToken cancellationToken) =>
        Down ? throw new PaymentProviderUnavailableException("test: provider down") : inner.CreatePaymentAsync(order, cancellationToken);

    public CallbackReading ReadCallback(Microsoft.AspNetCore.Http.IHeaderDictionary headers, ReadOnlyMemory<byte> body, DateTimeOffset now) =>
        inner.ReadCallback(headers, body, now);

    public Task<ProviderRefund> RefundAsync(RefundOrder order, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref RefundCalls);
        return Down ? throw new PaymentProviderUnavailableException("test: provider down") : inner.RefundAsync(order, cancellationToken);
    }

    public Task<IReadOnlyList<ProviderPaidRecord>> ListPaidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Down ? throw new PaymentProviderUnavailableException("test: provider down") : inner.ListPaidAsync(from, to, cancellationToken);
}

/// <summary>The real books, except that the next callback's write can be made to fail as if the silo died after the pool decided.</summary>
public sealed class FaultyLedger : IPaymentLedger
{
    private IPaymentLedger inner = null!;

    public volatile bool FailNextCallbackWrite;

    public IPaymentLedger Wrapping(IPaymentLedger ledger)
    {
        inner = ledger;
        return this;
    }

    public Task<string> RecordCallbackAsync(HandledCallback handled, CancellationToken cancellationToken)
    {
        if (!FailNextCallbackWrite) return inner.RecordCallbackAsync(handled, cancellationToken);
        FailNextCallbackWrite = false;
        throw new SqliteException("test: the database went away before the callback was recorded", 10);
    }

    public Task<StoredPayment?> FindAsync(string paymentId, CancellationToken cancellationToken) => inner.FindAsync(paymentId, cancellationToken);

    public Task<StoredPayment?> FindForReservationAsync(string reservationId, CancellationToken cancellationToken) =>
        inner.FindForReservationAsync(reservationId, cancellationToken);

    public Task<StoredPayment> OpenAsync(StoredPayment payment, CancellationToken cancellationToken) => inner.OpenAsync(payment, cancellationToken);

    public Task AttachProviderAsync(string paymentId, ProviderPayment provider, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.AttachProviderAsync(paymentId, provider, now, cancellationToken);

    public Task<string?> FindCallbackResultAsync(string provider, string eventId, CancellationToken cancellationToken) =>
        inner.FindCallbackResultAsync(provider, eventId, cancellationToken);

    public Task<int> OpenRefundsForCancelledAsync(DateTimeOffset now, string? reservationId, CancellationToken cancellationToken) =>
        inner.OpenRefundsForCancelledAsync(now, reservationId, cancellationToken);

    public Task<IReadOnlyList<DueRefund>> RefundsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.RefundsDueAsync(now, limit, cancellationToken);

    public Task ConfirmRefundAsync(string refundId, string providerRefundId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ConfirmRefundAsync(refundId, providerRefundId, now, cancellationToken);

    public Task PostponeRefundAsync(string refundId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.PostponeRefundAsync(refundId, nextAttemptAt, error, cancellationToken);

    public Task<IReadOnlyDictionary<string, RefundState>> RefundsOfAsync(IReadOnlyCollection<string> reservationIds, CancellationToken cancellationToken) =>
        inner.RefundsOfAsync(reservationIds, cancellationToken);

    public Task<LedgerDay> ReadDayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.ReadDayAsync(from, to, cancellationToken);
}
