using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Problems;

/// <summary>
/// Request binding failures (malformed JSON, a value of the wrong type, an unknown or repeated
/// field, JSON nested too deep, no body, wrong content type, a body over the size limit) arrive as
/// <see cref="BadHttpRequestException"/>; answer them as problems naming the field, never as an
/// empty 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var status = bad.StatusCode;
        ProblemDetails problem;
        if (status == StatusCodes.Status400BadRequest)
        {
            var errors = new RequestErrors();
            Describe(bad, errors);
            problem = new HttpValidationProblemDetails(errors.ToDictionary())
            {
                Title = "The request is not valid.",
                Detail = "See errors: nothing was changed.",
            };
        }
        else
        {
            problem = new ProblemDetails { Title = status == StatusCodes.Status415UnsupportedMediaType ? "Send the body as application/json." : "The request cannot be read." };
        }
        problem.Status = status;
        problem.Extensions[BookingProblems.CodeKey] = ProblemCodes.ForStatus(status);

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static void Describe(BadHttpRequestException bad, RequestErrors errors)
    {
        if (bad.InnerException is JsonException json)
        {
            JsonBodyFaults.Describe(json, errors);
            return;
        }
        // "Required parameter … was not provided" (JSON null) or "Implicit body inferred … but no body was provided" (empty).
        if (bad.Message.Contains("was not provided", StringComparison.Ordinal) || bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            errors.Add("body", "A JSON body is required.");
            return;
        }
        errors.Add("request", "The request could not be read.");
    }
}
