using OrleansBooking.Api;
using OrleansBooking.Api.Apis;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingServices();

var app = builder.Build();
app.UseBookingApiErrors();
app.UseBookingAudit();
app.MapPoolsApi();
app.MapReservationsApi();
app.MapAdminApi();
app.MapPatientsApi();
app.MapPatientsAdminApi();
app.MapCatalogueApi();
app.MapDoctorsDayApi();
app.MapStatisticsApi();
app.MapAnalyticsApi();
app.MapAuditApi();
app.MapBookingHealthChecks();
app.MapBookingApiDocs();
app.Run();

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
