using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>
/// A small hospital for a newcomer's first run: five departments, twenty doctors, each with a
/// weekly template of morning and afternoon sessions, so the generator has pools to make.
/// </summary>
public static class DemoHospital
{
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("cardiology", "Cardiology", "Heart and blood vessel disease: chest pain, hypertension, arrhythmia.", "Building A, 3rd floor", null, true),
        new("respiratory", "Respiratory Medicine", "Lung and airway disease: cough, asthma, COPD.", "Building A, 4th floor", null, true),
        new("gastroenterology", "Gastroenterology", "Stomach, bowel and liver disease; endoscopy.", "Building B, 2nd floor", null, true),
        new("pediatrics", "Pediatrics", "Children up to 14 years.", "Building C, 1st floor", null, true),
        // Dermatology releases later in the day, to show a department's own release rule.
        new("dermatology", "Dermatology", "Skin, hair and nail disease.", "Building B, 5th floor", new ReleaseRule(7, new TimeOnly(9, 0)), true),
    ];

    public static IReadOnlyList<Doctor> Doctors { get; } =
    [
        Doc("dr-li-wei", "Li Wei", DoctorTitle.Chief, "cardiology", ["coronary heart disease", "heart failure"]),
        Doc("dr-wang-fang", "Wang Fang", DoctorTitle.AssociateChief, "cardiology", ["arrhythmia", "pacemakers"]),
        Doc("dr-zhang-min", "Zhang Min", DoctorTitle.Attending, "cardiology", ["hypertension"]),
        Doc("dr-liu-yang", "Liu Yang", DoctorTitle.Resident, "cardiology", ["general cardiology"]),
        Doc("dr-chen-jing", "Chen Jing", DoctorTitle.Chief, "respiratory", ["asthma", "COPD"]),
        Doc("dr-yang-lei", "Yang Lei", DoctorTitle.AssociateChief, "respiratory", ["lung nodules"]),
        Doc("dr-zhao-li", "Zhao Li", DoctorTitle.Attending, "respiratory", ["chronic cough", "sleep apnea"]),
        Doc("dr-huang-tao", "Huang Tao", DoctorTitle.Resident, "respiratory", ["respiratory infections"]),
        Doc("dr-zhou-jie", "Zhou Jie", DoctorTitle.Chief, "gastroenterology", ["endoscopy", "inflammatory bowel disease"]),
        Doc("dr-wu-xia", "Wu Xia", DoctorTitle.AssociateChief, "gastroenterology", ["liver disease", "hepatitis"]),
        Doc("dr-xu-qiang", "Xu Qiang", DoctorTitle.Attending, "gastroenterology", ["gastritis", "reflux"]),
        Doc("dr-sun-hui", "Sun Hui", DoctorTitle.Resident, "gastroenterology", ["general gastroenterology"]),
        Doc("dr-ma-lin", "Ma Lin", DoctorTitle.Chief, "pediatrics", ["pediatric asthma", "allergy"]),
        Doc("dr-zhu-yan", "Zhu Yan", DoctorTitle.AssociateChief, "pediatrics", ["neonatology"]),
        Doc("dr-hu-bo", "Hu Bo", DoctorTitle.Attending, "pediatrics", ["child growth", "nutrition"]),
        Doc("dr-guo-na", "Guo Na", DoctorTitle.Resident, "pediatrics", ["fever clinic"]),
        Doc("dr-he-ping", "He Ping", DoctorTitle.Chief, "dermatology", ["psoriasis", "eczema"]),
        Doc("dr-lin-xue", "Lin Xue", DoctorTitle.AssociateChief, "dermatology", ["acne", "cosmetic dermatology"]),
        Doc("dr-luo-gang", "Luo Gang", DoctorTitle.Attending, "dermatology", ["skin allergy"]),
        Doc("dr-song-yu", "Song Yu", DoctorTitle.Resident, "dermatology", ["general dermatology"]),
    ];

    /// <summary>
    /// Chiefs see patients two mornings a week, the others on weekdays in turn: the week is full
    /// of sessions but no doctor works every day. Fees follow the title (none set here).
    /// </summary>
    public static IReadOnlyList<WeeklySession> WeeklyTemplate(int doctorIndex, DoctorTitle title, CatalogueRules rules)
    {
        var quota = title switch { DoctorTitle.Chief => 20, DoctorTitle.AssociateChief => 25, _ => 30 };
        var minutes = title == DoctorTitle.Chief ? 12 : 8;
        var days = title == DoctorTitle.Chief
            ? new[] { Weekday(doctorIndex), Weekday(doctorIndex + 2) }
            : new[] { Weekday(doctorIndex), Weekday(doctorIndex + 1), Weekday(doctorIndex + 3) };
        return days
            .SelectMany(day => new[] { ClinicSession.Morning, ClinicSession.Afternoon }
                .Select(session => new WeeklySession(day, session, rules.DefaultStart(session), minutes, quota)))
            .ToList();
    }

    public static async Task SeedAsync(ICatalogueStore store, CatalogueRules rules, CancellationToken cancellationToken)
    {
        foreach (var department in Departments) await store.AddDepartmentAsync(department, cancellationToken);
        for (var i = 0; i < Doctors.Count; i++)
        {
            var doctor = Doctors[i];
            await store.AddDoctorAsync(doctor, cancellationToken);
            await store.ReplaceWeeklyScheduleAsync(doctor.DoctorId, WeeklyTemplate(i, doctor.Title, rules), cancellationToken);
        }
    }

    // Monday to Saturday: Sunday is the demo hospital's day off.
    private static DayOfWeek Weekday(int n) => (DayOfWeek)(n % 6 + 1);

    private static Doctor Doc(string id, string name, DoctorTitle title, string department, string[] specialties) =>
        new(id, name, title, department, specialties, $"{name} ({specialties[0]}) has practised in the department for many years.", true);
}
