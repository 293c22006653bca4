namespace OrleansBooking.Api.Audit;

public static class AuditPipeline
{
    /// <summary>
    /// Records sensitive actions (<see cref="AuditMiddleware"/>). Place it after authentication, so
    /// the caller is known, and inside the error handling, so it sees the final status code.
    /// Needs an <see cref="IAuditLog"/> and a <see cref="TimeProvider"/> in the container.
    /// </summary>
    public static WebApplication UseBookingAudit(this WebApplication app)
    {
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }
}
