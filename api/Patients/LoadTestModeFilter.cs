using Microsoft.Extensions.Options;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Patients;

/// <summary>
/// Lets a load-test route run only while <see cref="LoadTestOptions.Enabled"/>; otherwise it
/// answers 404 load_test_mode_off before reading anything, as if it were not there.
/// </summary>
public sealed class LoadTestModeFilter(IOptionsMonitor<LoadTestOptions> options) : IEndpointFilter
{
    public const string LoadTestModeOff = "load_test_mode_off";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        options.CurrentValue.Enabled
            ? await next(context)
            : BookingProblems.Problem(StatusCodes.Status404NotFound, LoadTestModeOff, "Load-test mode is off.",
                $"This route exists for load tests only; an operator turns it on with {LoadTestOptions.SectionName}:Enabled=true.");
}
