using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;
using OrleansBooking.Tests.Catalogue;

namespace OrleansBooking.Tests.Pages;

/// <summary>
/// The small hospital the page tests browse: one department, one doctor whose name is markup (it
/// must show as text), and pools opened by hand. The fake clock stands at 08:00 on 2026-11-30 in Shanghai.
/// </summary>
public sealed class PageHospital(PageSilo silo)
{
    public const string DepartmentName = "Cardiology";
    public const string DoctorName = "<b>Li</b> Wei";
    public const string VisitDate = "2026-12-02";

    public string DepartmentId { get; } = CatalogueCalls.NewId("dept");
    public string DoctorId { get; } = CatalogueCalls.NewId("dr");

    public async Task<PageHospital> OpenAsync()
    {
        await silo.Admin.CreateDepartmentAsync(DepartmentId, DepartmentName);
        await silo.Admin.CreateDoctorAsync(DoctorId, DepartmentId, DoctorName);
        return this;
    }

    /// <summary>A pool of the doctor; released an hour ago unless <paramref name="releaseAt"/> says otherwise.</summary>
    public async Task<string> OpenPoolAsync(string date = VisitDate, string session = "morning", int quota = 30,
        string releaseAt = "2026-11-30T07:00:00+08:00", string startTime = "08:00")
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId, quota);
        body["doctorId"] = DoctorId;
        body["departmentId"] = DepartmentId;
        body["date"] = date;
        body["session"] = session;
        body["startTime"] = startTime;
        body["releaseAt"] = releaseAt;
        await silo.Admin.CreatePoolAsync(body);
        return poolId;
    }

    /// <summary>A staff account for the doctor, as an admin makes one; returns its login (the password is <see cref="DoctorPassword"/>).</summary>
    public async Task<string> CreateDoctorAccountAsync()
    {
        var login = "doctor-" + DoctorId;
        using var response = await silo.Admin.PostAsJsonAsync("/api/admin/accounts",
            new { role = "doctor", login, password = DoctorPassword, displayName = "Li Wei", doctorId = DoctorId });
        await response.ReadAsync(HttpStatusCode.Created);
        return login;
    }

    public const string DoctorPassword = "doctor passphrase";
}
