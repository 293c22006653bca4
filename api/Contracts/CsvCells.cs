namespace OrleansBooking.Api.Contracts;

/// <summary>Text cells of the CSV exports (RFC 4180), safe to open in a spreadsheet.</summary>
public static class CsvCells
{
    // A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) sends
    // the sheet's data away): such a cell gets a leading apostrophe, which shows it as text.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A quote, comma or line break never shifts the columns, and no text from the database becomes
    /// a formula in the admin's spreadsheet. Null is an empty cell.
    /// </summary>
    public static string Text(string? value)
    {
        if (value is null) return "";
        if (value.Length > 0 && FormulaStarts.Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n', '\t']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
