using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Conventional;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage;

/// <summary>One SQLite or MySQL database behind <see cref="IBookingStore"/>; made by <see cref="BookingStoreFactory"/>.</summary>
internal sealed class BookingStore : IBookingStore
{
    private readonly SqlDialect dialect;
    private readonly SchemaMigrator migrator;

    public BookingStore(SqlDialect dialect, TimeProvider clock)
    {
        this.dialect = dialect;
        migrator = new SchemaMigrator(dialect, clock);
        SlotPools = new SqlSlotPoolStorage(dialect, clock);
        Reservations = new SqlReservationIndex(dialect);
    }

    public string Engine => dialect.Engine;

    public IChangeStorage<SlotPoolState, SlotPoolChange> SlotPools { get; }

    public IReservationIndex Reservations { get; }

    public Task MigrateAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => migrator.GetVersionAsync(cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException)
        {
            return false;
        }
    }

    public ISlotPoolGrainFactory CreateConventionalEngine(TimeProvider clock, SlotPoolRules rules, DoctorsDayOptions? doctorsDay = null)
    {
        var errors = rules.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid slot pool rules: " + string.Join(" ", errors), nameof(rules));
        return new ConventionalSlotPools(dialect, clock, rules, doctorsDay ?? new DoctorsDayOptions());
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();
}
