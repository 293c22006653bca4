using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Patients;

public sealed class PatientsOpenApiTests(PatientsApiFactory factory) : IClassFixture<PatientsApiFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentListsThePatientRoutesAndTheNewCodes()
    {
        using var client = factory.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "POST /api/account/patients",
            "GET /api/account/patients",
            "GET /api/account/patients/{patientId}",
            "GET /api/patients/{patientId}/appointments",
            "POST /api/admin/patients/bulk",
            "GET /api/admin/patients/{patientId}",
            "DELETE /api/admin/patients/{patientId}/suspension",
        ];
        var missing = expected.Where(route =>
        {
            var (method, path) = (route[..route.IndexOf(' ')].ToLowerInvariant(), route[(route.IndexOf(' ') + 1)..]);
            return !paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out _);
        }).ToArray();
        Assert.True(missing.Length == 0, $"Missing from the OpenAPI document: {string.Join(", ", missing)}");
        var reserve = paths.GetProperty("/api/pools/{poolId}/reservations").GetProperty("post").GetRawText();
        Assert.Contains("patient_not_found", reserve, StringComparison.Ordinal);
        Assert.Contains("patient_suspended", reserve, StringComparison.Ordinal);
    }
}
