using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Patients;

/// <summary>
/// The patients' side of the database the configuration names: the grain's storage and records,
/// and the directory. Uses the booking store's connection string; the schema comes from the same
/// migrations (0003).
/// </summary>
public sealed class PatientStore
{
    private PatientStore(SqlDialect dialect, TimeProvider clock)
    {
        var storage = new SqlPatientStorage(dialect, clock);
        // At a release thousands of patients activate in the same second: their loads share reads.
        Storage = new GroupedReads<PatientState, PatientChange>(storage, storage);
        Records = storage;
        Directory = new SqlPatientDirectory(dialect, clock);
    }

    public IChangeStorage<PatientState, PatientChange> Storage { get; }

    public IPatientRecords Records { get; }

    public IPatientDirectory Directory { get; }

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static PatientStore Create(StorageOptions options, TimeProvider? clock = null)
    {
        var dialect = SqlDialects.Create(options);
        return new PatientStore(dialect, clock ?? TimeProvider.System);
    }
}
