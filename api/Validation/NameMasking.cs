namespace OrleansBooking.Api.Validation;

/// <summary>
/// A patient's name as a screen in a consulting room shows it: the first character of each word,
/// the rest starred ("张三" → "张*", "Zhang San" → "Z**** S**"), enough for the doctor to call the
/// right person and too little for a passer-by to learn who is ill.
/// </summary>
public static class NameMasking
{
    public static string Mask(string name)
    {
        var masked = new System.Text.StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var rune in name.EnumerateRunes())
        {
            if (System.Text.Rune.IsWhiteSpace(rune))
            {
                masked.Append(' ');
                startOfWord = true;
                continue;
            }
            if (startOfWord) masked.Append(rune.ToString());
            else masked.Append('*');
            startOfWord = false;
        }
        return masked.ToString();
    }
}
