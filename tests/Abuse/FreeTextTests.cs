using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Api.Validation;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;
using OrleansBooking.Tests.Patients;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Free text keeps to characters that print as themselves, within its length.</summary>
public sealed class FreeTextTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    public static TheoryData<string> Unprintable => new()
    {
        "Li\u0007Wei",          // bell (Cc)
        "Li\nWei",              // line feed (Cc)
        "Li\u0085Wei",          // next line (Cc)
        "\u202Eiew iL",         // right-to-left override (Cf)
        "Li\u2066Wei\u2069",    // isolate (Cf)
        "Li\u200BWei",          // zero-width space (Cf)
        "Li\u00ADWei",          // soft hyphen (Cf)
        "Li\uFEFFWei",          // byte order mark (Cf)
        "Li\u2028Wei",          // line separator (Zl)
        "Li\u2029Wei",          // paragraph separator (Zp)
        "Li\uD800Wei",          // lone high surrogate
        "Li\uDC00Wei",          // lone low surrogate
        "Li\uE000Wei",          // private use
        "Li\U000F0000Wei",      // supplementary private use
        "Li\u0378Wei",          // unassigned
        "Li\uFFFFWei",          // noncharacter (unassigned)
    };

    public static TheoryData<string> Printable => new()
    {
        "张三",
        "Zoë O'Brien-Smith",
        "Dr. 李 (Cardiology) 😀",
        "Ахмед",
        "محمد",
        "  trimmed  ",
    };

    [Theory]
    [MemberData(nameof(Unprintable), DisableDiscoveryEnumeration = true)]
    public void UnprintableCharactersAreRefused(string text)
    {
        var errors = new RequestErrors();

        var accepted = FieldRules.CheckText(errors, "name", text, maxLength: 64);

        Assert.Null(accepted);
        Assert.Equal(["name"], errors.ToDictionary().Keys);
    }

    [Theory]
    [MemberData(nameof(Printable))]
    public void PrintableTextIsAcceptedTrimmed(string text)
    {
        var errors = new RequestErrors();

        var accepted = FieldRules.CheckText(errors, "name", text, maxLength: 64);

        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
        Assert.Equal(text.Trim(), accepted);
    }

    [Theory]
    [InlineData(null, true, "name is required.")]
    [InlineData("   ", true, "name must be 1–5 characters.")]
    [InlineData("abcdef", true, "name must be 1–5 characters.")]
    [InlineData("abcdef", false, "name must be 0–5 characters.")]
    public void LengthIsCapped(string? text, bool required, string message)
    {
        var errors = new RequestErrors();

        FieldRules.CheckText(errors, "name", text, maxLength: 5, required);

        Assert.Equal([message], errors.ToDictionary()["name"]);
    }

    [Fact]
    public void AnAbsentOptionalTextIsFine()
    {
        var errors = new RequestErrors();

        Assert.Null(FieldRules.CheckText(errors, "bio", null, maxLength: 5, required: false));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("Li\u0007Wei")]
    [InlineData("\u202Eiew iL")]
    [InlineData("Li\u200BWei")]
    public async Task APatientNameWithUnprintableCharactersIsRefusedAndNothingIsWritten(string name)
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.RegisterAsync(account, new { name, residentId = PatientCalls.ResidentId, phone = PatientCalls.Phone });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["name"], problem.ErrorFields());
        using var readBack = await client.GetAsAccountAsync(account, "/api/account/patients");
        Assert.Empty((await readBack.ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task ALoneSurrogateInJsonIsRefusedNamingTheField()
    {
        var account = PatientCalls.NewId("acct-");

        using var response = await client.SendAsAsync(TestIdentity.Patient(account), HttpMethod.Post, "/api/account/patients", ApiCalls.Json(
            $$"""{ "name": "Li\uD800Wei", "residentId": "{{PatientCalls.ResidentId}}", "phone": "{{PatientCalls.Phone}}" }"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["name"], problem.ErrorFields());
        using var readBack = await client.GetAsAccountAsync(account, "/api/account/patients");
        Assert.Empty((await readBack.ReadAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task ADepartmentWithABidiOverrideInItsDescriptionIsRefusedAndNotCreated()
    {
        var departmentId = CatalogueCalls.NewId("dept");

        using var response = await client.PostAsJsonAsync("/api/admin/departments",
            new { departmentId, name = "Cardiology", description = "Heart \u202Esesaesid", location = "Building A" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["description"], problem.ErrorFields());
        using var readBack = await client.GetAsync($"/api/departments/{departmentId}");
        Assert.Equal(HttpStatusCode.NotFound, readBack.StatusCode);
    }

    [Fact]
    public async Task ADoctorSpecialtyWithAControlCharacterIsRefusedNamingIt()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        await client.CreateDepartmentAsync(departmentId);
        var doctorId = CatalogueCalls.NewId("dr");

        using var response = await client.PostAsJsonAsync("/api/admin/doctors",
            new { doctorId, name = "Li Wei", title = "attending", departmentId, specialties = new[] { "hypertension", "arrhythmia\u001B[31m" } });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["specialties[1]"], problem.ErrorFields());
        using var readBack = await client.GetAsync($"/api/doctors/{doctorId}");
        Assert.Equal(HttpStatusCode.NotFound, readBack.StatusCode);
    }

    [Fact]
    public async Task AStopClinicReasonWithAnOverrideIsRefused()
    {
        using var response = await client.PostAsJsonAsync($"/api/admin/pools/{ApiCalls.NewPoolId()}/stop-clinic",
            new { reason = "Dr. Li is ill\u202E" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["reason"], problem.ErrorFields());
    }

    [Fact]
    public async Task ADoctorSearchWithAControlCharacterIsRefused()
    {
        using var response = await client.GetAsync("/api/doctors?search=heart%07");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["search"], problem.ErrorFields());
    }
}
