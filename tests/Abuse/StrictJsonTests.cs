using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Api;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Patients;

namespace OrleansBooking.Tests.Abuse;

/// <summary>A body with a field we do not know, a field given twice, or nesting no request has is refused, naming the field, and nothing is written.</summary>
public sealed class StrictJsonTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static string Valid => $$"""
        "residentId": "{{PatientCalls.ResidentId}}", "phone": "{{PatientCalls.Phone}}"
        """;

    public static TheoryData<string, string> Refused => new()
    {
        { $$"""{ "name": "张三", {{Valid}}, "isAdmin": true }""", "isAdmin" },
        { $$"""{ "name": "张三", {{Valid}}, "accountId": "acct-other" }""", "accountId" },
        { $$"""{ "name": "张三", "name": "李四", {{Valid}} }""", "name" },
        { $$"""{ "name": "张三", "Name": "李四", {{Valid}} }""", "Name" },
        { $$"""{ "name": "张三", {{Valid}}, "phone": "13800138000" }""", "phone" },
        { $$"""{ "name": {{new string('[', 40)}}{{new string(']', 40)}}, {{Valid}} }""", "name" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ABodyWithAnUnknownRepeatedOrDeepFieldIsRefusedNamingIt(string body, string field)
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Post, "/api/account/patients", ApiCalls.Json(body));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        using var readBack = await client.GetAsAccountAsync(account, "/api/account/patients");
        Assert.Empty((await readBack.ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task AnUnknownFieldIsSaidToBeUnknown()
    {
        using var response = await client.SendAsAsync(TestIdentity.Patient(PatientCalls.NewId("acct-")), HttpMethod.Post, "/api/account/patients",
            ApiCalls.Json($$"""{ "name": "张三", {{Valid}}, "isAdmin": true }"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("isAdmin is not a field of this request.", problem.GetProperty("errors").GetProperty("isAdmin")[0].GetString());
    }

    [Fact]
    public async Task ARepeatedFieldIsSaidToBeRepeated()
    {
        using var response = await client.SendAsAsync(TestIdentity.Patient(PatientCalls.NewId("acct-")), HttpMethod.Post, "/api/account/patients",
            ApiCalls.Json($$"""{ "name": "张三", "name": "李四", {{Valid}} }"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("name is given more than once.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task TooDeepAFieldIsSaidToBeTooDeep()
    {
        var deep = new string('[', 40) + new string(']', 40);
        using var response = await client.SendAsAsync(TestIdentity.Patient(PatientCalls.NewId("acct-")), HttpMethod.Post, "/api/account/patients",
            ApiCalls.Json($$"""{ "name": {{deep}}, {{Valid}} }"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal($"name nests deeper than {BookingApiRegistration.MaxJsonDepth} levels.",
            problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownFieldInAListItemIsNamedWithItsPlace()
    {
        using var response = await client.PutAsync($"/api/admin/doctors/{CatalogueId()}/schedule", ApiCalls.Json("""
            { "weekly": [ { "weekday": "monday", "session": "morning", "minutesPerNumber": 10, "quota": 30, "room": "A1" } ] }
            """));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["weekly[0].room"], problem.ErrorFields());
    }

    [Fact]
    public void TheApiReadsJsonStrictly()
    {
        var json = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.Equal((System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow, false, 16),
            (json.UnmappedMemberHandling, json.AllowDuplicateProperties, json.MaxDepth));
    }

    [Fact]
    public async Task ADocumentedRegistrationIsStillAccepted()
    {
        using var response = await client.SendAsAsync(TestIdentity.Patient(PatientCalls.NewId("acct-")), HttpMethod.Post, "/api/account/patients", JsonContent.Create(new { name = "张三", sex = "male", birthDate = "1980-01-01", residentId = "440524198001010013", phone = PatientCalls.Phone }));

        await response.ReadAsync(HttpStatusCode.Created);
    }

    private static string CatalogueId() => "dr-" + Guid.NewGuid().ToString("N")[..10];
}
