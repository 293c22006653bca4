using System.ComponentModel;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Contracts.Catalogue;

/// <summary>Body of <c>POST /api/admin/departments</c>. Every field nullable so one validation pass names every problem.</summary>
public sealed record CreateDepartmentRequest(
    [property: Description("1–100 characters.")] string? Name,
    [property: Description("Up to 1000 characters.")] string? Description = null,
    [property: Description("Where patients go, up to 200 characters.")] string? Location = null,
    [property: Description("Optional; 1–40 chars of [A-Za-z0-9_.:-]. Generated when absent.")] string? DepartmentId = null);

/// <summary>Body of <c>PATCH /api/admin/departments/{departmentId}</c>; absent fields stay as they are.</summary>
public sealed record UpdateDepartmentRequest(
    string? Name = null,
    string? Description = null,
    string? Location = null,
    [property: Description("false hides the department and stops new pools; true brings it back.")] bool? Active = null);

/// <summary>Body of <c>PUT /api/admin/departments/{departmentId}/release-rule</c>.</summary>
public sealed record ReleaseRuleRequest(
    [property: Description("Numbers for day D open this many days before D, 0–60.")] int? DaysBefore,
    [property: Description("At this local time, HH:mm.")] string? Time,
    [property: Description("1–60: the department's pools draw their numbers among the requests of this many minutes after the "
        + "release (absent: first come, first served). Pools already planned keep theirs (PATCH a pool to change it).")] int? LotteryWindowMinutes = null);

/// <summary>Body of <c>PUT /api/admin/departments/{departmentId}/age-range</c>: completed years on the visit day, both ends included.</summary>
public sealed record AgeRangeRequest(
    [property: Description("The youngest age seen, 0–150; absent: no lower end.")] int? MinAgeYears = null,
    [property: Description("The oldest age seen, 0–150 (a clinic for children under 14: 13); absent: no upper end.")] int? MaxAgeYears = null);

/// <summary>The ages a department sees; null ends are open.</summary>
public sealed record AgeRangeResponse(int? MinAgeYears, int? MaxAgeYears)
{
    public static AgeRangeResponse? For(Department department) =>
        department.Ages is { } ages ? new AgeRangeResponse(ages.MinYears, ages.MaxYears) : null;
}

/// <summary>When a department's numbers open, and whether the rule is its own or the hospital's.</summary>
public sealed record ReleaseRuleResponse(int DaysBefore, string Time, string Source, int? LotteryWindowMinutes = null)
{
    public const string FromHospital = "hospital";
    public const string FromDepartment = "department";

    public static ReleaseRuleResponse For(Department department, CatalogueRules rules)
    {
        var rule = rules.ReleaseFor(department);
        return new ReleaseRuleResponse(rule.DaysBefore, rule.TimeOfDay.ToString(WireFormats.TimeOfDay, System.Globalization.CultureInfo.InvariantCulture),
            department.ReleaseRule is null ? FromHospital : FromDepartment,
            rule.Lottery is { } window ? (int)window.Length.TotalMinutes : null);
    }
}

public sealed record DepartmentResponse(
    string DepartmentId, string Name, string Description, string Location, ReleaseRuleResponse ReleaseRule, bool Active,
    [property: Description("The ages the department sees (booking refuses others: outside_department_ages); null: everyone.")] AgeRangeResponse? AgeRange)
{
    public static DepartmentResponse From(Department department, CatalogueRules rules) =>
        new(department.DepartmentId, department.Name, department.Description, department.Location,
            ReleaseRuleResponse.For(department, rules), department.Active, AgeRangeResponse.For(department));
}
