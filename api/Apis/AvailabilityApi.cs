using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Availability;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Availability;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Pools;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>"Find the next free session": a department's earliest sessions with numbers left, for a patient who does not mind which doctor.</summary>
public static class AvailabilityApi
{
    public const int MaxDays = 31;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/availability", FindAvailableSessions)
            .WithTags(CatalogueApiRegistration.PublicTag)
            .AddEndpointFilter<GrainFaultFilter>()
            .AllowAnonymous()
            .WithName(nameof(FindAvailableSessions))
            .WithSummary("The earliest sessions of a department with numbers left")
            .WithDescription("Released, open sessions with at least one number left, in time order (date, then start). Optional: doctorId, "
                + "title (chief, associate_chief, attending, resident), session (morning, afternoon, evening), from/to visit dates "
                + $"(yyyy-MM-dd, inclusive, at most {MaxDays} days; default today and {MaxDays - 1} days on), limit (1–{MaxLimit}, default {DefaultLimit}). "
                + "Counted from the committed reservations at most a second ago, never by asking the pools.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound, CatalogueProblems.DoctorNotFound)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> FindAvailableSessions(
        string? departmentId, string? doctorId, string? title, string? session, string? from, string? to, int? limit,
        CatalogueDirectory directory, AvailabilityBoard board, HospitalTime time, CancellationToken cancellationToken)
    {
        var now = time.Now;
        var today = DateOnly.FromDateTime(time.ToLocal(now).DateTime);
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "departmentId", departmentId);
        if (doctorId is not null) FieldRules.CheckId(errors, "doctorId", doctorId);
        var wantedTitle = FieldRules.CheckEnum(errors, "title", title, required: false, Enum.GetValues<DoctorTitle>());
        var wantedSession = FieldRules.CheckEnum(errors, "session", session, required: false, Enum.GetValues<ClinicSession>());
        var first = from is null ? today : FieldRules.CheckDate(errors, "from", from);
        // No pool lies further ahead; refused here, a day at the calendar's end never reaches the sum below.
        if (first > today.AddDays(PoolCalendarRules.MaxDaysAhead))
        {
            errors.Add("from", $"from must be at most {PoolCalendarRules.MaxDaysAhead} days ahead.");
            first = null;
        }
        var last = to is null ? first?.AddDays(MaxDays - 1) : FieldRules.CheckDate(errors, "to", to);
        if (first is { } f && last is { } l && (l < f || l.DayNumber - f.DayNumber >= MaxDays))
            errors.Add("to", $"to must be on or after from, at most {MaxDays} days in all.");
        var count = FieldRules.CheckRange(errors, "limit", limit, 1, MaxLimit, required: false) ?? DefaultLimit;
        if (errors.Any || first is not { } start || last is not { } end) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DepartmentsById.ContainsKey(departmentId!)) return CatalogueProblems.NoDepartment(departmentId!);
        if (doctorId is not null && (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor) || doctor.DepartmentId != departmentId))
            return CatalogueProblems.NoDoctor(doctorId);

        var (sessions, readAt) = await board.ReadAsync(departmentId!, today, cancellationToken);
        var found = sessions
            .Where(s => s.Remaining > 0 && s.Pool.ReleaseAt <= now && s.Pool.Date >= start && s.Pool.Date <= end)
            .Where(s => doctorId is null || s.Pool.DoctorId == doctorId)
            .Where(s => wantedSession is null || s.Pool.Session == wantedSession)
            .Select(s => (Session: s, Doctor: catalogue.DoctorsById.GetValueOrDefault(s.Pool.DoctorId)))
            .Where(s => wantedTitle is null || s.Doctor?.Title == wantedTitle)
            .Where(s => !IsOver(s.Session.Pool, now, time))
            .OrderBy(s => s.Session.Pool.Date).ThenBy(s => s.Session.Pool.StartTime).ThenBy(s => s.Session.Pool.PoolId, StringComparer.Ordinal)
            .Take(count)
            .Select(s => Describe(s.Session, s.Doctor))
            .ToArray();
        return TypedResults.Ok(new AvailabilityResponse(departmentId!, readAt, found));
    }

    /// <summary>A session whose last number's time has passed offers nothing, whatever is left.</summary>
    private static bool IsOver(PoolDefinition pool, DateTimeOffset now, HospitalTime time)
    {
        var end = pool.Date.ToDateTime(pool.StartTime).AddMinutes((double)pool.Quota * pool.MinutesPerNumber);
        return new DateTimeOffset(end, time.Zone.GetUtcOffset(end)) <= now;
    }

    private static AvailableSessionResponse Describe(OpenSession session, Doctor? doctor) => new(
        session.Pool.PoolId, session.Pool.DoctorId, doctor?.Name, doctor is null ? null : FieldRules.WireName(doctor.Title),
        session.Pool.Date.ToString(WireFormats.Date, CultureInfo.InvariantCulture), FieldRules.WireName(session.Pool.Session),
        session.Pool.StartTime.ToString(WireFormats.TimeOfDay, CultureInfo.InvariantCulture), session.Pool.Quota, session.Remaining, session.Pool.Fee);
}
