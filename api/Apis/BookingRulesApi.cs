using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>The hospital's booking rules and clock, public: the patient page reads them once when it opens.</summary>
public static class BookingRulesApi
{
    public static IEndpointRouteBuilder MapBookingRulesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/booking-rules").WithTags("Pools").AllowAnonymous()
            .MapGet("", GetBookingRules)
            .WithName(nameof(GetBookingRules))
            .WithSummary("The booking rules and the hospital's clock")
            .WithDescription("now: the hospital's current instant (count down to a release from it, not from the device's clock). "
                + "A reservation may be cancelled until cancellationTime (HH:mm, local) cancellationDaysBefore days before its visit date.");
        return app;
    }

    public static Ok<BookingRulesResponse> GetBookingRules(HttpResponse response, HospitalTime time, IOptions<SlotPoolRules> rules)
    {
        // "now" is stale the moment it is sent; a cached copy would be staler.
        response.Headers.CacheControl = "no-store";
        var value = rules.Value;
        return TypedResults.Ok(new BookingRulesResponse(
            time.ToLocal(time.Now),
            value.TimeZoneId,
            value.CancellationDaysBefore,
            TimeOnly.FromTimeSpan(value.CancellationTimeOfDay).ToString(WireFormats.TimeOfDay, CultureInfo.InvariantCulture)));
    }
}
