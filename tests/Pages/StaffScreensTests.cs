using System.Net;
using Microsoft.Playwright;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;
using static Microsoft.Playwright.Assertions;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The hospital's staff screens over the admin API: a department, a doctor named like markup and a
/// weekly schedule made through the forms, which a patient then finds and can book on the patient page.
/// </summary>
public sealed class StaffScreensTests(Chromium chromium) : PageTest(chromium)
{
    // The name is a script tag: the pages must show it as these characters and never run it.
    private const string DoctorName = "<script>alert('x')</script> Zhou";

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task AnAdminOpensADepartmentWithADoctorAndAScheduleThatPatientsCanBook(string size)
    {
        var page = await SignedInAsAdminAsync(size);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        var departmentName = "Dermatology " + CatalogueCalls.NewId("d");

        await NavigateAsync(page, "Departments");
        var newDepartment = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "New department" }) });
        await newDepartment.GetByLabel("Name").FillAsync(departmentName);
        await newDepartment.GetByLabel("Location").FillAsync("Building 2, floor 3");
        await newDepartment.GetByRole(AriaRole.Button, new() { Name = "Create department" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Department " + departmentName })).ToBeVisibleAsync();
        var state = page.Locator("main p[data-department]");
        await Expect(state).ToContainTextAsync("hospital's: 7 days before at 08:00");

        await page.GetByLabel("Days before the visit (0–60)").FillAsync("3");
        await page.GetByLabel("Release time").FillAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save release rule" }).ClickAsync();
        await Expect(state).ToContainTextAsync("own: 3 days before at 09:30");
        await page.GetByLabel("Oldest age (years)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save ages" }).ClickAsync();
        await Expect(state).ToContainTextAsync("ages 0–120");
        await Screenshots.SaveAsync(page, "admin-department", size);

        await NavigateAsync(page, "Doctors");
        var newDoctor = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "New doctor" }) });
        await newDoctor.GetByLabel("Name").FillAsync(DoctorName);
        await newDoctor.GetByLabel("Title").SelectOptionAsync("attending");
        await newDoctor.GetByLabel("Department").SelectOptionAsync(new SelectOptionValue { Label = departmentName });
        await newDoctor.GetByLabel("Specialties (comma-separated)").FillAsync("eczema, acne");
        await newDoctor.GetByRole(AriaRole.Button, new() { Name = "Create doctor" }).ClickAsync();

        // A new doctor goes straight to the schedule: Wednesdays, mornings, twelve numbers.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schedule of " + DoctorName, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a session" }).ClickAsync();
        var line = page.GetByRole(AriaRole.Group, new() { Name = "Session 1" });
        await line.GetByLabel("Weekday").SelectOptionAsync("wednesday");
        await line.GetByLabel("Session", new() { Exact = true }).SelectOptionAsync("morning");
        await line.GetByLabel("Start time (blank: the session's usual)").FillAsync("08:00");
        await line.GetByLabel("Minutes per number").FillAsync("15");
        await line.GetByLabel("Quota").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save weekly sessions" }).ClickAsync();
        await Expect(page.GetByText("Weekly sessions saved")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate pools now" }).ClickAsync();
        await Expect(page.GetByText("1 pools created")).ToBeVisibleAsync();

        var exception = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "New leave or extra session" }) });
        await exception.GetByLabel("Date").FillAsync("2026-12-16");
        await exception.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.Locator("tr[data-exception]")).ToContainTextAsync("2026-12-16LeaveWhole day");
        await Screenshots.SaveAsync(page, "admin-schedule", size);

        // The patient finds the department, the doctor's name as plain text, and the session open.
        var patient = await OpenTabAsync(size);
        patient.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await patient.GotoAsync(Url("/"));
        await patient.GetByRole(AriaRole.Link, new() { Name = departmentName }).ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = DoctorName, Exact = true })).ToBeVisibleAsync();
        await Expect(patient.Locator("main")).ToContainTextAsync("eczema, acne");
        await patient.GetByRole(AriaRole.Link, new() { Name = "See calendar" }).ClickAsync();
        await Expect(patient.Locator("main .session")).ToContainTextAsync("12 of 12 numbers left");
        await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Book 2026-12-02 Morning" })).ToBeVisibleAsync();

        Assert.Equal(0, await patient.Locator("main script").CountAsync() + await page.Locator("main script").CountAsync());
        Assert.Empty(dialogs);
        var doctors = await Silo.Admin.GetOkAsync("/api/admin/doctors");
        var stored = doctors.EnumerateArray().Single(d => d.Str("name") == DoctorName);
        Assert.Equal("attending", stored.Str("title"));
        Assert.Equal(["eczema", "acne"], stored.GetProperty("specialties").EnumerateArray().Select(s => s.GetString()));
        AssertNoScriptErrors();
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task ADeactivatedDoctorLeavesThePatientPageAndARefusalIsShownByItsCode(string size)
    {
        var page = await SignedInAsAdminAsync(size);
        await page.GotoAsync(Url($"/admin/#/doctors/{Hospital.DoctorId}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Doctor " + PageHospital.DoctorName, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate doctor" }).ClickAsync();
        await Expect(page.Locator("main p[data-doctor]")).ToContainTextAsync("Deactivated (hidden from patients)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reactivate doctor" })).ToBeVisibleAsync();

        // The list shows deactivated doctors too, so they can be brought back.
        await NavigateAsync(page, "Doctors");
        await Expect(page.Locator($"tr[data-doctor='{Hospital.DoctorId}']")).ToContainTextAsync("No");

        // A department id that is taken: the API's 409 department_exists, in the page's words, nothing made.
        await NavigateAsync(page, "Departments");
        var newDepartment = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "New department" }) });
        await newDepartment.GetByLabel("Name").FillAsync("Second cardiology");
        await newDepartment.GetByLabel("Department id (optional; made up when blank)").FillAsync(Hospital.DepartmentId);
        await newDepartment.GetByRole(AriaRole.Button, new() { Name = "Create department" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That department id is taken.");

        var patient = await OpenTabAsync(size);
        await patient.GotoAsync(Url($"/#/departments/{Hospital.DepartmentId}"));
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = PageHospital.DepartmentName + " · doctors" })).ToBeVisibleAsync();
        await Expect(patient.Locator("main")).Not.ToContainTextAsync(PageHospital.DoctorName);
        var departments = await Silo.Admin.GetOkAsync("/api/admin/departments");
        Assert.Equal(PageHospital.DepartmentName, departments.EnumerateArray().Single(d => d.Str("departmentId") == Hospital.DepartmentId).Str("name"));
        AssertNoScriptErrors();
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task APatientIsFoundByNameWithTheMobileAndResidentIdMasked(string size)
    {
        var name = "Zhou " + CatalogueCalls.NewId("p")[2..8];
        var (mobile, patientId) = await Silo.SignUpPatientAsync(name);
        var page = await SignedInAsAdminAsync(size);
        await NavigateAsync(page, "Patients");
        await page.GetByLabel("Resident ID, mobile number, patient id or the start of a name").FillAsync(name[..7]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();

        var row = page.Locator($"tr[data-patient='{patientId}']");
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync($"{mobile[..3]}****{mobile[^4..]}");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(mobile);
        AssertNoScriptErrors();
    }
}
