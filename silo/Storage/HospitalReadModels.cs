using OrleansBooking.Api.Contracts.Availability;
using OrleansBooking.Api.Contracts.Rush;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.Contracts.Statistics;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Silo.Storage.Availability;
using OrleansBooking.Silo.Hosting.Payment;
using OrleansBooking.Silo.Storage.DoctorsDay;
using OrleansBooking.Silo.Storage.Payment;
using OrleansBooking.Silo.Storage.Rush;
using OrleansBooking.Silo.Storage.Sql;
using OrleansBooking.Silo.Storage.Statistics;

namespace OrleansBooking.Silo.Storage;

/// <summary>
/// The read models of the doctor's day and of management, over the database the storage options
/// name. They only read committed rows, so they need no part of the store's write path.
/// </summary>
public sealed class HospitalReadModels
{
    private HospitalReadModels(SqlDialect dialect)
    {
        Statistics = new SqlHospitalStatistics(dialect);
        DoctorSessions = new SqlDoctorSessions(dialect);
        SessionsToSweep = new SqlSessionsToSweep(dialect);
        OpenSessions = new SqlOpenSessions(dialect);
        HoldsToExpire = new SqlHoldsToExpire(dialect);
        PaymentLedger = new SqlPaymentLedger(dialect);
        SandboxBooks = new SqlSandboxBooks(dialect);
        WaitlistRecords = new Waitlist.SqlWaitlistRecords(dialect);
        AccountWaitlists = new Waitlist.SqlAccountWaitlists(dialect);
        LotteryRecords = new Lottery.SqlLotteryRecords(dialect);
        ReleasingPools = new SqlReleasingPools(dialect);
    }

    public IHospitalStatistics Statistics { get; }

    public IDoctorSessions DoctorSessions { get; }

    public ISessionsToSweep SessionsToSweep { get; }

    public IOpenSessions OpenSessions { get; }
    public IHoldsToExpire HoldsToExpire { get; }

    public Api.Payments.IPaymentLedger PaymentLedger { get; }

    public Api.Payments.Sandbox.ISandboxBooks SandboxBooks { get; }
    public Grains.Waitlist.IWaitlistRecords WaitlistRecords { get; }

    public Api.Contracts.Waitlist.IAccountWaitlists AccountWaitlists { get; }

    public Api.Contracts.Lottery.ILotteryRecords LotteryRecords { get; }

    public IReleasingPools ReleasingPools { get; }

    /// <summary>Read models for <paramref name="options"/>; connects to nothing yet.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static HospitalReadModels Create(StorageOptions options)
    {
        var dialect = SqlDialects.Create(options);
        return new HospitalReadModels(dialect);
    }
}
