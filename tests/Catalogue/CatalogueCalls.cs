using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>Catalogue requests the API tests repeat.</summary>
internal static class CatalogueCalls
{
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonElement> CreateDepartmentAsync(this HttpClient client, string departmentId, string name = "Cardiology")
    {
        using var response = await client.PostAsJsonAsync("/api/admin/departments",
            new { departmentId, name, description = "Heart disease.", location = "Building A" });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateDoctorAsync(
        this HttpClient client, string doctorId, string departmentId, string name = "Li Wei", string title = "attending",
        string[]? specialties = null)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/doctors",
            new { doctorId, name, title, departmentId, specialties = specialties ?? ["hypertension", "arrhythmia"], bio = "Twenty years." });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>The examples' template: Monday morning and afternoon, Wednesday morning from 09:00 at 99.5.</summary>
    public static object WeeklyBody() => new
    {
        weekly = new object[]
        {
            new { weekday = "monday", session = "morning", startTime = "08:00", minutesPerNumber = 10, quota = 30 },
            new { weekday = "monday", session = "afternoon", minutesPerNumber = 10, quota = 20 },
            new { weekday = "wednesday", session = "morning", startTime = "09:00", minutesPerNumber = 15, quota = 12, fee = 99.5m },
        },
    };

    public static async Task<JsonElement> PutWeeklyAsync(this HttpClient client, string doctorId, object? body = null)
    {
        using var response = await client.PutAsJsonAsync($"/api/admin/doctors/{doctorId}/schedule", body ?? WeeklyBody());
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    /// <summary>A department, a doctor in it with the example template, and the window's pools generated.</summary>
    public static async Task<(string DepartmentId, string DoctorId)> DoctorWithPoolsAsync(this HttpClient client)
    {
        var departmentId = NewId("dept");
        var doctorId = NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);
        await client.PutWeeklyAsync(doctorId);
        await client.GenerateAsync();
        return (departmentId, doctorId);
    }

    public static async Task<JsonElement> GenerateAsync(this HttpClient client)
    {
        using var response = await client.PostAsync("/api/admin/pool-generation", null);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public static string[] Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.Str(property)).ToArray();
}
