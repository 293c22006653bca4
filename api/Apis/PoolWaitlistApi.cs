using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Answers;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.Contracts.Waitlist;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.References;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// A sold-out pool's waitlist: a patient joins, sees their place, leaves; when a number comes back the
/// first patient waiting is offered it and accepts (a reservation like any other) or declines it.
/// </summary>
public static class PoolWaitlistApi
{
    public static IEndpointRouteBuilder MapPoolWaitlistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools/{poolId}/waitlist").WithTags("Waitlist").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Patient);

        api.MapPost("", JoinWaitlist)
            .WithName(nameof(JoinWaitlist))
            .WithSummary("Join a sold-out pool's waitlist")
            .WithDescription("A signed-in patient account puts one of its patients (patientId; may be left out when it manages exactly one) "
                + "at the back of the waitlist of a released, open, sold-out pool. 201 with the place; joining again answers 200 with the same place. "
                + "The patient's booking limits and suspension are checked as for a booking, and a patient may be on at most "
                + "Booking:Waitlist:MaxWaitlistsPerPatient (3) waitlists at once. A pool with numbers left answers numbers_available.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound, ProblemCodes.PatientNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.NumbersAvailable, ProblemCodes.AlreadyBooked, ProblemCodes.NotReleased,
                ProblemCodes.PoolClosed, ProblemCodes.LimitReached, ProblemCodes.PatientSuspended, ProblemCodes.WaitlistLimitReached,
                ProblemCodes.WaitlistUnavailable)
            .ProducesRetryLater();

        api.MapGet("/{patientId}", GetWaitlistPlace)
            .WithName(nameof(GetWaitlistPlace))
            .WithSummary("A patient's place on a waitlist")
            .WithDescription("waiting with its position (1 = next), or offered with the number held and when the offer runs out.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound, ProblemCodes.NotOnWaitlist)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.WaitlistUnavailable)
            .ProducesRetryLater();

        api.MapDelete("/{patientId}", LeaveWaitlist)
            .WithName(nameof(LeaveWaitlist))
            .WithSummary("Leave a waitlist")
            .WithDescription("The patient stops waiting; an offer pending is declined and passes to the next patient waiting.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound, ProblemCodes.NotOnWaitlist)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.WaitlistUnavailable)
            .ProducesRetryLater();

        api.MapPost("/{patientId}/accept", AcceptOffer)
            .WithName(nameof(AcceptOffer))
            .WithSummary("Accept a waitlist offer")
            .WithDescription("Takes the number held for the patient: 201 with the reservation, as booking does (pending_payment with "
                + "holdExpiresAt where the hospital takes payment at booking). Send an Idempotency-Key as for a booking. The booking limits are "
                + "checked again. Too late (the offer ran out and passed on) answers offer_expired; no offer ever made, offer_not_found.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound, ProblemCodes.PatientNotFound, ProblemCodes.OfferNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.OfferExpired, ProblemCodes.AlreadyBooked, ProblemCodes.PoolClosed,
                ProblemCodes.LimitReached, ProblemCodes.PatientSuspended, ProblemCodes.WaitlistUnavailable)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused)
            .ProducesRetryLater();

        api.MapPost("/{patientId}/decline", DeclineOffer)
            .WithName(nameof(DeclineOffer))
            .WithSummary("Decline a waitlist offer")
            .WithDescription("Gives the number held for the patient back; it passes to the next patient waiting at once.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound, ProblemCodes.OfferNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.OfferExpired, ProblemCodes.WaitlistUnavailable)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Created<WaitlistPlaceResponse>, Ok<WaitlistPlaceResponse>, ProblemHttpResult>> JoinWaitlist(
        string poolId, JoinWaitlistRequest request, HttpContext http, IGrainFactory grains, IPatientDirectory directory,
        IOptions<WaitlistRules> rules, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var accountId = http.User.AccountIdOf()!;
        var patientId = request.PatientId
            ?? (await directory.ListByAccountAsync(accountId, http.RequestAborted) is [var only] ? only.Profile.PatientId : null);
        if (patientId is null) errors.Add("patientId", "patientId is required: the account manages no patient, or more than one.");
        else FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (!rules.Value.Available) return WaitlistProblems.WaitlistUnavailable();

        var outcome = await HandOverRetry.RunAsync(() => grains.GetGrain<IPatientWaitlistGrain>(patientId!).JoinWaitlistForAccountAsync(accountId, poolId));
        switch (outcome)
        {
            case JoinWaitlistOutcome.Joined { Repeated: true } again:
                return TypedResults.Ok(WaitlistPlaceResponse.From(again.Place, time));
            case JoinWaitlistOutcome.Joined joined:
                return TypedResults.Created($"/api/pools/{poolId}/waitlist/{patientId}", WaitlistPlaceResponse.From(joined.Place, time));
            case JoinWaitlistOutcome.NumbersAvailable available:
                return WaitlistProblems.NumbersAvailable(poolId, available.Remaining);
            case JoinWaitlistOutcome.AlreadyBooked booked:
                return BookingProblems.AlreadyBooked(booked.Existing);
            case JoinWaitlistOutcome.NotReleased notReleased:
                return BookingProblems.NotReleased(time.ToLocal(notReleased.ReleaseAt));
            case JoinWaitlistOutcome.PoolClosed closed:
                return BookingProblems.PoolClosed(closed.Status);
            case JoinWaitlistOutcome.PoolNotFound:
                return BookingProblems.PoolNotFound(poolId);
            case JoinWaitlistOutcome.TooManyWaitlists tooMany:
                return WaitlistProblems.WaitlistLimitReached(tooMany.Allowed);
            case JoinWaitlistOutcome.PatientRefused refused:
                return ReservationAnswers.PatientRefusal(refused.Refusal, patientId!, time, out _)
                    ?? throw new UnreachableException("A patient refusal carries no pool decision.");
            default:
                throw new UnreachableException($"Unknown waitlist outcome {outcome}.");
        }
    }

    public static async Task<Results<Ok<WaitlistPlaceResponse>, ProblemHttpResult>> GetWaitlistPlace(
        string poolId, string patientId, ClaimsPrincipal user, IGrainFactory grains, IPatientDirectory directory,
        IOptions<WaitlistRules> rules, HospitalTime time, CancellationToken cancellationToken)
    {
        if (await CheckAsync(poolId, patientId, user, directory, rules, cancellationToken) is { } refused) return refused;
        return await grains.GetGrain<IWaitlistPoolGrain>(poolId).GetWaitlistPlaceAsync(patientId) is { } place
            ? TypedResults.Ok(WaitlistPlaceResponse.From(place, time))
            : WaitlistProblems.NotOnWaitlist(poolId);
    }

    public static async Task<Results<Ok<WaitlistLeftResponse>, ProblemHttpResult>> LeaveWaitlist(
        string poolId, string patientId, ClaimsPrincipal user, IGrainFactory grains, IPatientDirectory directory,
        IOptions<WaitlistRules> rules, CancellationToken cancellationToken)
    {
        if (await CheckAsync(poolId, patientId, user, directory, rules, cancellationToken) is { } refused) return refused;
        return await grains.GetGrain<IWaitlistPoolGrain>(poolId).LeaveWaitlistAsync(patientId) switch
        {
            LeaveWaitlistOutcome.Left left => TypedResults.Ok(new WaitlistLeftResponse(poolId, patientId, left.DeclinedOffer)),
            LeaveWaitlistOutcome.NotWaiting or LeaveWaitlistOutcome.NoOffer => WaitlistProblems.NotOnWaitlist(poolId),
            var other => throw new UnreachableException($"Unknown leave outcome {other}."),
        };
    }

    public static async Task<Results<Ok<WaitlistLeftResponse>, ProblemHttpResult>> DeclineOffer(
        string poolId, string patientId, ClaimsPrincipal user, IGrainFactory grains, IPatientDirectory directory,
        IOptions<WaitlistRules> rules, CancellationToken cancellationToken)
    {
        if (await CheckAsync(poolId, patientId, user, directory, rules, cancellationToken) is { } refused) return refused;
        return await grains.GetGrain<IWaitlistPoolGrain>(poolId).DeclineOfferAsync(patientId) switch
        {
            LeaveWaitlistOutcome.Left => TypedResults.Ok(new WaitlistLeftResponse(poolId, patientId, DeclinedOffer: true)),
            LeaveWaitlistOutcome.NoOffer { Expired: true } => WaitlistProblems.OfferExpired(poolId),
            LeaveWaitlistOutcome.NoOffer or LeaveWaitlistOutcome.NotWaiting => WaitlistProblems.OfferNotFound(poolId),
            var other => throw new UnreachableException($"Unknown decline outcome {other}."),
        };
    }

    public static async Task<Results<Created<ReservationResponse>, Accepted<LotteryEntryResponse>, ProblemHttpResult, SoldOutAnswer>> AcceptOffer(
        string poolId,
        string patientId,
        // Bound for the OpenAPI document; validation reads the raw header, where a repeated key is visible.
        [FromHeader(Name = FieldRules.IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http,
        GrainReferences<IPatientGrain> patients,
        IPatientDirectory directory,
        IOptions<WaitlistRules> rules,
        HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var accountId = http.User.AccountIdOf()!;
        var reserve = RequestValidation.ToReserveRequest(accountId, patientId, http.Request.Headers[FieldRules.IdempotencyKeyHeader], errors);
        if (reserve is null || errors.Any) return BookingProblems.ValidationFailed(errors);
        if (!rules.Value.Available) return WaitlistProblems.WaitlistUnavailable();

        // Through the patient, as any booking: its limits are decided together with the pool's answer.
        var decision = await HandOverRetry.RunAsync(() =>
            patients.Get(reserve.PatientId).ReserveForAccountAsync(accountId, poolId, reserve with { AcceptsOffer = true }));
        if (ReservationAnswers.PatientRefusal(decision, reserve.PatientId, time, out var outcome) is { } refused) return refused;
        Metrics.ReservationMetrics.Record(outcome!);
        return ReservationAnswers.From(poolId, outcome!, http, time);
    }

    /// <summary>Valid ids, a waitlist to speak of, and a patient the caller manages (another account's answers patient_not_found, as a missing one).</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(
        string poolId, string patientId, ClaimsPrincipal user, IPatientDirectory directory, IOptions<WaitlistRules> rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (!rules.Value.Available) return WaitlistProblems.WaitlistUnavailable();
        return await user.ManagesPatientAsync(patientId, directory, cancellationToken) ? null : PatientProblems.PatientNotFound(patientId);
    }
}
