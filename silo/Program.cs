using OrleansBooking.Api;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Apis;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Cors;
using OrleansBooking.Api.Network;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Api.RequestLimits;
using OrleansBooking.Silo.Hosting;
using OrleansBooking.Silo.Hosting.Pages;
using OrleansBooking.Silo.Hosting.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingServices();

var app = builder.Build();
app.UseBookingTrustedProxies();
// Before anything that may answer, so that a browser on a listed origin can read refusals too.
app.UseBookingCors();
app.UseBookingRequestLimits();
app.UseBookingApiErrors();
// Pages before sign-in, rate limits and audit: a static file needs none of them.
app.UseBookingPages();
// Who is calling first: the rate limits count per account as well as per address, and the audit
// log records who, including the 401/403 answers authorisation gives.
app.UseBookingSignIn();
app.UseBookingRateLimits();
app.UseBookingAudit();
app.UseAuthorization();
app.MapAuthApi();
app.MapPasswordResetApi();
app.MapOwnAccountApi();
app.MapAccountsAdminApi();
app.MapPoolsApi();
app.MapReservationsApi();
app.MapReservationPaymentApi();
app.MapPaymentsApi();
app.MapSandboxPayApi();
app.MapPaymentsAdminApi();
app.MapPoolWaitlistApi();
app.MapAccountWaitlistsApi();
app.MapAccountLotteryEntriesApi();
app.MapPoolLotteryAdminApi();
app.MapPoolsAdminApi();
app.MapAccountPatientsApi();
app.MapPatientsApi();
app.MapPatientsAdminApi();
app.MapDepartmentsApi();
app.MapDepartmentsAdminApi();
app.MapDoctorsApi();
app.MapAvailabilityApi();
app.MapNotificationPreferencesApi();
app.MapDoctorsAdminApi();
app.MapPoolGenerationAdminApi();
app.MapStatisticsAdminApi();
app.MapAnalyticsApi();
app.MapAuditAdminApi();
app.MapRushAdminApi();
app.MapBookingRulesApi();
app.MapBookingHealthChecks();
app.MapBookingObservability();
app.MapBookingApiDocs();
app.Run();

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
