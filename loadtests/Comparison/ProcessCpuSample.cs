using System.Globalization;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>
/// CPU a child process has used, read from <c>/proc/&lt;pid&gt;/stat</c> (user + system). .NET's
/// <c>Process.TotalProcessorTime</c> reads the same file and so fails once the child has exited
/// and been reaped; a caller samples while it runs and keeps the last reading.
/// </summary>
public static class ProcessCpuSample
{
    /// <summary>Linux's USER_HZ: the unit of utime and stime, 100 on every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The process's user + system time so far; null when it is gone (or this is not Linux).</summary>
    public static TimeSpan? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// utime and stime are the 14th and 15th fields; the 2nd, the command name in parentheses, may
    /// itself hold spaces and parentheses, so counting starts after its last ')'.
    /// </summary>
    public static TimeSpan Parse(string stat)
    {
        int end = stat.LastIndexOf(')');
        var fields = end < 0 ? [] : stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state is field 3, so field n is fields[n - 3].
        if (fields.Length < 13) throw new FormatException($"Not a /proc/<pid>/stat line: '{stat}'.");
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
