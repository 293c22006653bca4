using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Notifications;

/// <summary>
/// A whole silo whose notifications go to a <see cref="ScriptedSender"/>. The dispatcher's own timer
/// is set far beyond what the tests advance the clock, so only the passes a test runs happen.
/// </summary>
public static class NotificationSilo
{
    public static BookingApiFactory Create(ScriptedSender sender, string? databasePath = null)
    {
        var factory = new BookingApiFactory()
            .With("Booking:Notifications:PollInterval", "00:10:00")
            .With("Booking:Notifications:ReminderScanInterval", "06:00:00")
            .With("Booking:Notifications:FirstRetryDelay", "00:00:01")
            .With("Booking:Notifications:MaxRetryDelay", "00:00:04")
            .With("Booking:Notifications:MaxAttempts", "4")
            .With("Booking:Notifications:DegradedAfterFailures", "3")
            .WithServices(services => services.AddSingleton<INotificationSender>(sender));
        return databasePath is null ? factory : factory.With("Storage:ConnectionString", $"Data Source={databasePath}");
    }

    public static Task<DispatchReport> DispatchAsync(this BookingApiFactory silo) =>
        silo.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    public static async Task<long> ScalarAsync(this BookingApiFactory silo, string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString(silo));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The SQLite file the silo really stores in (a shared one when it was given one).</summary>
    private static string ConnectionString(BookingApiFactory silo) =>
        silo.Services.GetRequiredService<IConfiguration>()["Storage:ConnectionString"] + ";Pooling=False";

    public static async Task<string> TextAsync(this BookingApiFactory silo, string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString(silo));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync()) ?? "";
    }
}
