using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Caching;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.DoctorsDay;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>Doctors: patients search them and read their calendars; a doctor (or an admin) reads the doctor's day.</summary>
public static class DoctorsApi
{
    public static IEndpointRouteBuilder MapDoctorsApi(this IEndpointRouteBuilder app)
    {
        var browse = app.MapGroup("/api/doctors").WithTags(CatalogueApiRegistration.PublicTag).AddEndpointFilter<GrainFaultFilter>().AllowAnonymous();

        browse.MapGet("/", SearchDoctors)
            .WithName(nameof(SearchDoctors))
            .WithSummary("List or search doctors")
            .WithDescription("Active doctors by name. search: text found in the name or a specialty (any case); departmentId: "
                + "only that department. Sends an ETag; a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed);

        browse.MapGet("/{doctorId}", GetDoctor)
            .WithName(nameof(GetDoctor))
            .WithSummary("Get a doctor")
            .WithDescription("Inactive doctors too (active: false). fee follows the doctor's title.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        browse.MapGet("/{doctorId}/calendar", GetDoctorCalendar)
            .WithName(nameof(GetDoctorCalendar))
            .WithSummary("Get a doctor's calendar")
            .WithDescription("Every session of the booking window (today and the days after it), by date and session: quota, "
                + "remaining, status, release instant. Served from a short-lived cache; sends an ETag, a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound)
            .ProducesRetryLater();

        var day = app.MapGroup("/api/doctors").WithTags("Doctor's day").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Clinician).AddEndpointFilter<SessionOwnershipFilter>();

        day.MapGet("/{doctorId}/days/{date}", GetDoctorDay)
            .WithName(nameof(GetDoctorDay))
            .WithSummary("A doctor's day")
            .WithDescription("Every session of the doctor on the date (yyyy-MM-dd), each with its day list; none is an empty list.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Ok<DoctorResponse[]>, StatusCodeHttpResult, ProblemHttpResult>> SearchDoctors(
        string? search, string? departmentId, HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var text = CatalogueRequestValidation.ToSearch(errors, search);
        if (departmentId is not null) FieldRules.CheckId(errors, "departmentId", departmentId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        var body = catalogue.Doctors
            .Where(d => catalogue.IsBookable(d) && (departmentId is null || d.DepartmentId == departmentId) && (text is null || d.Matches(text)))
            .Select(d => DoctorResponse.From(d, rules))
            .ToArray();
        return ETags.NotModified(request, response, ETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<DoctorResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDoctor(
        string doctorId, HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return CatalogueProblems.NoDoctor(doctorId);
        var body = DoctorResponse.From(doctor, rules);
        return ETags.NotModified(request, response, ETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<CalendarResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDoctorCalendar(
        string doctorId, HttpRequest request, HttpResponse response, CatalogueBrowser browser, CatalogueBrowseCache cache,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var cached = await cache.GetOrBuildAsync("calendar:" + doctorId, () => browser.CalendarAsync(doctorId, cancellationToken));
        if (cached is not { } hit) return CatalogueProblems.NoDoctor(doctorId);
        var (calendar, etag) = hit;
        return ETags.NotModified(request, response, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(calendar);
    }

    public static async Task<Results<Ok<DoctorDayResponse>, ProblemHttpResult>> GetDoctorDay(
        string doctorId, string date, bool? includeCancelled, IDoctorSessions sessions, ISlotPoolGrainFactory pools,
        IPatientDirectory patients, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        var day = FieldRules.CheckDate(errors, "date", date);
        if (errors.Any || day is not { } visitDay) return BookingProblems.ValidationFailed(errors);

        var lists = new List<DayListResponse>();
        foreach (var poolId in await sessions.FindPoolIdsAsync(doctorId, visitDay, cancellationToken))
        {
            if (await DayLists.ReadAsync(pools.GetSlotPool(poolId), includeCancelled ?? false, time, patients, cancellationToken) is { } dayList) lists.Add(dayList);
        }
        return TypedResults.Ok(new DoctorDayResponse(doctorId, date, lists));
    }
}
