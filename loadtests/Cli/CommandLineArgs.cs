using System.Globalization;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>
/// A small hand-written parser (no command-line package restores reliably here): a command word,
/// then <c>--name value</c>, <c>--name=value</c> or bare <c>--flag</c>. Every option given must be
/// read by the command, so a typo fails loudly instead of silently running the default.
/// </summary>
public sealed class CommandLineArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    private CommandLineArgs(string command) => Command = command;

    public string Command { get; }

    public static CommandLineArgs Parse(IReadOnlyList<string> args)
    {
        var parsed = new CommandLineArgs(args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help");
        for (int i = parsed.Command == "help" && (args.Count == 0 || args[0] != "help") ? 0 : 1; i < args.Count; i++)
        {
            string token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
                throw new UsageException($"Unexpected argument '{token}'; options look like --name value.");
            string name = token[2..], value;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }
            if (!parsed._options.TryGetValue(name, out var values)) parsed._options[name] = values = [];
            values.Add(value);
        }
        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public bool Flag(string name) => String(name) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");

    public string? String(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values[^1] : null;
    }

    public IReadOnlyList<string> All(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public int? Int(string name) => Parse(name, s => int.Parse(s.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture));

    public double? Double(string name) => Parse(name, s => double.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture));

    /// <summary>A duration such as <c>500ms</c>, <c>5s</c>, <c>2m</c>; a bare number means seconds.</summary>
    public TimeSpan? Duration(string name) => Parse(name, ParseDuration);

    public Uri? Url(string name)
    {
        if (String(name) is not { } text) return null;
        // A trailing slash makes relative routes ("api/pools/…") resolve under any path prefix.
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url)
            ? url
            : throw new UsageException($"--{name}: '{text}' is not an absolute URL.");
    }

    /// <summary>Fails on any option the command did not read.</summary>
    public void EnsureAllRead()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"Unknown option(s) for '{Command}': {string.Join(", ", unknown.Select(u => "--" + u))}. See '{Command} --help'.");
    }

    public static TimeSpan ParseDuration(string s)
    {
        s = s.Trim();
        (string number, double unitSeconds) = s switch
        {
            _ when s.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (s[..^2], 0.001),
            _ when s.EndsWith('s') => (s[..^1], 1.0),
            _ when s.EndsWith('m') => (s[..^1], 60.0),
            _ when s.EndsWith('h') => (s[..^1], 3600.0),
            _ => (s, 1.0),
        };
        return TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unitSeconds);
    }

    private T? Parse<T>(string name, Func<string, T> parse) where T : struct
    {
        if (String(name) is not { } text) return null;
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new UsageException($"--{name}: cannot read '{text}' ({e.Message}).");
        }
    }
}

/// <summary>The command line was wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
