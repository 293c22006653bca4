using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;

namespace OrleansBooking.Tests.Accounts;

/// <summary>A self-signed key ring certificate in a temporary .pfx, as an operator provides one (Production requires it).</summary>
public sealed class KeyRingCertificateFile : IDisposable
{
    public const string DefaultPassword = "key ring pfx password";

    public KeyRingCertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OrleansBooking key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pkcs12, DefaultPassword));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orleansbooking-keyring-{Guid.NewGuid():N}.pfx");

    /// <summary>
    /// Names the certificate with UseSetting rather than the factory's With: the silo reads it while it
    /// registers its services, before configuration added by ConfigureAppConfiguration arrives.
    /// </summary>
    public IWebHostBuilder Configure(IWebHostBuilder builder, string password = DefaultPassword) => builder
        .UseSetting("Booking:Accounts:KeyRingCertificatePath", Path)
        .UseSetting("Booking:Accounts:KeyRingCertificatePassword", password);

    public void Dispose() => File.Delete(Path);
}
