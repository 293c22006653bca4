using System.Data.Common;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Silo.Hosting;

/// <summary>
/// A database error that escapes a grain call (a patient grain re-reading its bookings, a pool
/// looking up its catalogue entry) leaves as <see cref="GrainStorageException"/>. The driver's own
/// exception cannot cross silos — Orleans has no codec for <c>MySqlException</c>, so a caller on
/// another silo got a serialization failure, answered 500 — and the caller only needs to know that
/// nothing was decided and a retry may work (503 storage_unavailable).
/// </summary>
public sealed class StorageFaultsLeavingGrains(ILogger<StorageFaultsLeavingGrains> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DbException fault)
        {
            // Debug: during an outage every call fails like this; readiness and the commit-failure metric report the outage.
            logger.LogDebug(fault, "{Grain}.{Method} met a database error", context.TargetId, context.MethodName);
            throw new GrainStorageException(context.TargetId.ToString(), versionConflict: false, fault.Message);
        }
    }
}
