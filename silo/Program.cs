using OrleansBooking.Api;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Apis;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Network;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Silo.Hosting;
using OrleansBooking.Silo.Hosting.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingServices();

var app = builder.Build();
app.UseBookingTrustedProxies();
app.UseBookingApiErrors();
// Who is calling first: the rate limits count per account as well as per address, and the audit
// log records who, including the 401/403 answers authorisation gives.
app.UseBookingSignIn();
app.UseBookingRateLimits();
app.UseBookingAudit();
app.UseAuthorization();
app.MapAuthApi();
app.MapAccountsAdminApi();
app.MapPoolsApi();
app.MapReservationsApi();
app.MapPoolsAdminApi();
app.MapAccountPatientsApi();
app.MapPatientsApi();
app.MapPatientsAdminApi();
app.MapDepartmentsApi();
app.MapDepartmentsAdminApi();
app.MapDoctorsApi();
app.MapDoctorsAdminApi();
app.MapPoolGenerationAdminApi();
app.MapStatisticsAdminApi();
app.MapAnalyticsApi();
app.MapAuditAdminApi();
app.MapBookingHealthChecks();
app.MapBookingObservability();
app.MapBookingApiDocs();
app.Run();

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
