using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// For doctor's-day routes: a doctor may see and run only their own sessions (the pool's doctor, or
/// the doctor named in the route); an admin any. Runs after the role policy, before the handler,
/// so nothing is read or changed for a doctor who is not the session's. A missing pool passes
/// through, for the handler to answer pool_not_found as usual (pools are public). A doctor the
/// hospital deactivated runs no session at all, even with a token issued before (doctor_deactivated).
/// </summary>
public sealed class SessionOwnershipFilter(ISlotPoolGrainFactory pools, RetiredDoctors retiredDoctors) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.IsAdmin()) return await next(context);
        if (await retiredDoctors.IsRetiredAsync(http.User.DoctorIdOf(), http.RequestAborted))
            return AccountProblems.DoctorIsDeactivated(http.User.DoctorIdOf()!);

        var route = http.Request.RouteValues;
        var doctorId = route.TryGetValue("doctorId", out var named) ? named as string : null;
        if (doctorId is not null && !Validation.FieldRules.IsId(doctorId)) return await next(context);
        if (doctorId is null && route.TryGetValue("poolId", out var poolId) && poolId is string id)
        {
            // A malformed id is the handler's to refuse (400), before any lookup.
            if (!Validation.FieldRules.IsId(id)) return await next(context);
            if (await pools.GetSlotPool(id).GetSnapshotAsync() is not { } snapshot) return await next(context);
            doctorId = snapshot.Definition.DoctorId;
        }
        return doctorId is not null && http.User.RunsSessionOf(doctorId) ? await next(context) : AccountProblems.NotYourSession();
    }
}
