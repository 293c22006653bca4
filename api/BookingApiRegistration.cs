using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api;

/// <summary>What the HTTP API needs from the host: JSON rules, problem details, OpenAPI.</summary>
public static class BookingApiRegistration
{
    /// <summary>Our requests and responses nest a few levels; deeper JSON only costs the parser work.</summary>
    public const int MaxJsonDepth = 16;

    /// <summary>Needs <see cref="TimeProvider"/>, <see cref="IOptions{SlotPoolRules}"/>, <see cref="ISlotPoolGrainFactory"/> and <see cref="IReservationIndex"/> in the container.</summary>
    public static IServiceCollection AddBookingApi(this IServiceCollection services)
    {
        services.AddSingleton(sp => new HospitalTime(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SlotPoolRules>>().Value.TimeZone,
            sp.GetRequiredService<IOptions<SlotPoolRules>>().Value));

        services.AddSingleton<Rush.ReservationAttempts>();
        services.AddSingleton<Rush.ClusterAttempts>();
        // Registered after the Orleans silo, so the silo is up before the first report.
        services.AddHostedService<Rush.AttemptsReporter>();
        services.AddSingleton<Answers.AnswerContractsPrepared>();
        services.AddSingleton<Answers.SoldOutAnswers>();
        services.AddHostedService(sp => sp.GetRequiredService<Answers.AnswerContractsPrepared>());

        services.ConfigureHttpJsonOptions(options =>
        {
            // Strict: "quota": "5" is a wrong type, not a number.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            // Strict: a misspelt field ("quotaa") would otherwise be dropped in silence, and with two
            // "patientId"s the checks could read one while another layer reads the other.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.MaxDepth = MaxJsonDepth;
        });
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<SlotPoolRules>>((options, rules) =>
            options.SerializerOptions.Converters.Add(new HospitalOffsetConverter(rules.Value.TimeZone)));
        // Binding failures (bad JSON, wrong types, no body) throw, so the exception handler can answer a problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(BookingProblems.CodeKey, ProblemCodes.ForStatus(status));
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddBookingOpenApi();
        return services;
    }

    /// <summary>Every failure becomes a problem: binding faults 400, unknown routes 404, unexpected faults 500 without internals.</summary>
    public static WebApplication UseBookingApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
