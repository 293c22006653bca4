namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Passwords long enough for the staff rule that are still among the first a script tries: the
/// long entries of public leaked-password lists, and the obvious hospital ones. Small on purpose:
/// it stops the guesses that cost an attacker nothing; length does the rest.
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789000", "098765432112",
        "111111111111", "000000000000", "121212121212", "123123123123", "112233445566",
        "qwertyuiop12", "qwertyuiop123", "1qaz2wsx3edc", "qazwsxedcrfv", "1q2w3e4r5t6y", "zaq12wsxcde3",
        "asdfghjkl123", "zxcvbnm12345", "qwerty123456", "123456qwerty", "abc123456789", "abcdefghijkl",
        "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "mypassword123", "changeme1234", "changemenow!", "letmein12345", "welcome12345", "welcome@1234",
        "iloveyou1234", "sunshine1234", "football1234", "baseball1234", "princess1234", "dragon123456",
        "administrator", "administrator1", "admin1234567", "admin@123456", "adminadmin123", "superuser123",
        "hospital1234", "hospital@123", "hospitaladmin", "doctor123456", "doctorpassword", "nurse1234567",
        "orleansbooking", "orleansbooking1", "correcthorsebatterystaple", "correct horse battery staple",
    };

    public static bool Contains(string password) => Known.Contains(password.Trim());
}
