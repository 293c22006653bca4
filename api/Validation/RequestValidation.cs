using OrleansBooking.Grains.Lottery;
using Microsoft.Extensions.Primitives;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Validation;

/// <summary>Turns a request body into the grain's command, or says everything that is wrong with it.</summary>
public static class RequestValidation
{
    public static PoolDefinition? ToDefinition(CreatePoolRequest request, Func<string> newPoolId, RequestErrors errors)
    {
        if (request.PoolId is not null) FieldRules.CheckId(errors, "poolId", request.PoolId);
        FieldRules.CheckId(errors, "doctorId", request.DoctorId);
        var date = FieldRules.CheckDate(errors, "date", request.Date);
        var session = FieldRules.CheckEnum(errors, "session", request.Session, required: true,
            ClinicSession.Morning, ClinicSession.Afternoon, ClinicSession.Evening);
        var startTime = FieldRules.CheckTimeOfDay(errors, "startTime", request.StartTime);
        var minutes = FieldRules.CheckRange(errors, "minutesPerNumber", request.MinutesPerNumber,
            FieldRules.MinMinutesPerNumber, FieldRules.MaxMinutesPerNumber, required: true);
        var quota = FieldRules.CheckRange(errors, "quota", request.Quota, FieldRules.MinQuota, FieldRules.MaxQuota, required: true);
        var fee = FieldRules.CheckFee(errors, "fee", request.Fee);
        var releaseAt = FieldRules.CheckInstant(errors, "releaseAt", request.ReleaseAt, required: true);
        if (request.DepartmentId is not null) FieldRules.CheckId(errors, "departmentId", request.DepartmentId);
        var lotteryMinutes = request.Lottery is null ? null : FieldRules.CheckRange(errors, "lottery.windowMinutes", request.Lottery.WindowMinutes,
            (int)LotteryWindow.Shortest.TotalMinutes, (int)LotteryWindow.Longest.TotalMinutes, required: true);
        if (errors.Any) return null;

        return new PoolDefinition(
            request.PoolId ?? newPoolId(), request.DoctorId!, date!.Value, session!.Value, startTime!.Value,
            minutes!.Value, quota!.Value, fee!.Value, releaseAt!.Value, request.DepartmentId,
            lotteryMinutes is { } window ? new LotteryWindow(TimeSpan.FromMinutes(window)) : null);
    }

    public static PoolChangeRequest? ToChange(UpdatePoolRequest request, RequestErrors errors)
    {
        var quota = FieldRules.CheckRange(errors, "quota", request.Quota, FieldRules.MinQuota, FieldRules.MaxQuota, required: false);
        var releaseAt = FieldRules.CheckInstant(errors, "releaseAt", request.ReleaseAt, required: false);
        // "scheduled" is not something an admin sets: an open pool is scheduled until its release instant.
        var status = FieldRules.CheckEnum(errors, "status", request.Status, required: false,
            PoolStatus.Open, PoolStatus.Closed, PoolStatus.Cancelled);
        var allocation = ToAllocationChange(request, errors);
        if (request is { Quota: null, ReleaseAt: null, Status: null, Allocation: null, Lottery: null })
            errors.Add("body", "Give at least one of quota, releaseAt, status, allocation, lottery.");
        return errors.Any ? null : new PoolChangeRequest(quota, releaseAt, status, allocation);
    }

    /// <summary>A switch to a draw (lottery, or allocation lottery with it) or to first come (allocation first_come, no lottery); null when neither is asked.</summary>
    private static AllocationChange? ToAllocationChange(UpdatePoolRequest request, RequestErrors errors)
    {
        if (request is { Allocation: null, Lottery: null }) return null;
        if (request.Allocation is not (null or PoolResponse.Lottery or PoolResponse.FirstCome))
        {
            errors.Add("allocation", $"allocation must be one of: {PoolResponse.Lottery}, {PoolResponse.FirstCome}.");
            return null;
        }
        if (request.Allocation == PoolResponse.FirstCome)
        {
            if (request.Lottery is not null) errors.Add("lottery", "A first-come pool has no draw: leave lottery out.");
            return new AllocationChange(null);
        }
        var minutes = FieldRules.CheckRange(errors, "lottery.windowMinutes", request.Lottery?.WindowMinutes,
            (int)LotteryWindow.Shortest.TotalMinutes, (int)LotteryWindow.Longest.TotalMinutes, required: true);
        return minutes is { } window ? new AllocationChange(new LotteryWindow(TimeSpan.FromMinutes(window))) : null;
    }

    /// <summary>
    /// The request for <paramref name="patientId"/>: the body's, or (absent there) the account's only
    /// patient. The pool keeps idempotency keys per pool; the caller's key is scoped to
    /// <paramref name="accountId"/> here, so two accounts that pick the same key never meet.
    /// </summary>
    public static ReserveRequest? ToReserveRequest(string accountId, string? patientId, StringValues idempotencyKey, RequestErrors errors)
    {
        FieldRules.CheckId(errors, "patientId", patientId);
        var key = FieldRules.CheckIdempotencyKey(errors, idempotencyKey);
        return errors.Any ? null : new ReserveRequest(patientId!, key is null ? null : AccountScopedKey(accountId, key));
    }

    // An account id never holds a '/', so the first one ends it: (a, "b/c") and ("a/b", c) cannot
    // collide. At most 64 + 1 + 128 characters, inside the stored column's 255.
    private static string AccountScopedKey(string accountId, string key) => accountId + "/" + key;
}
