namespace OrleansBooking.LoadTests.Reports;

/// <summary>Where a run's reports go: one folder per run under <c>--out</c> (default loadtests/reports, git-ignored).</summary>
public static class ReportFolder
{
    public const string DefaultRoot = "loadtests/reports";

    public static string Create(string root, string runId)
    {
        string folder = Path.GetFullPath(Path.Combine(root, runId));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
