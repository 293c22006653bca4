using System.Text;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// Cuts a MySQL script into the commands a driver can send, honouring the mysql client's
/// <c>DELIMITER</c> lines. Orleans' scripts use them around stored procedures; they are client
/// syntax that the server (and MySqlConnector) does not understand. Text under the ordinary
/// delimiter travels as one multi-statement command; under another delimiter, every statement it
/// ends (a procedure body with its inner semicolons) is one command.
/// </summary>
internal static class MySqlScriptBatches
{
    private const string Directive = "DELIMITER";

    public static IEnumerable<string> Split(string script)
    {
        var delimiter = ";";
        var batch = new StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(Directive + " ", StringComparison.OrdinalIgnoreCase))
            {
                if (!string.IsNullOrWhiteSpace(batch.ToString())) yield return batch.ToString();
                batch.Clear();
                delimiter = trimmed[Directive.Length..].Trim();
                continue;
            }
            if (delimiter != ";" && trimmed.EndsWith(delimiter, StringComparison.Ordinal))
            {
                batch.Append(line.TrimEnd()[..^delimiter.Length]).Append('\n');
                yield return batch.ToString();
                batch.Clear();
                continue;
            }
            batch.Append(line).Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(batch.ToString())) yield return batch.ToString();
    }
}
