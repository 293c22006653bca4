using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Silo.Hosting.Accounts;

/// <summary>
/// The key ring that signs tokens sits in the database; with Booking:Accounts:KeyRingCertificatePath
/// each new key is encrypted with the operator's certificate (Data Protection's own XML encryption),
/// so a copy of the database — a backup, a replica, a dump — does not hand out the signing keys.
/// Every silo needs the same certificate, with its private key, to read the ring.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = AccountOptions.SectionName + ":" + nameof(AccountOptions.KeyRingCertificatePath);
    public const string CertificatePasswordKey = AccountOptions.SectionName + ":" + nameof(AccountOptions.KeyRingCertificatePassword);

    /// <summary>Encrypts new keys when a certificate is configured; without one (Development, tests) keys stay plain XML.</summary>
    /// <exception cref="InvalidOperationException">The certificate cannot be read or has no private key; the message names the setting.</exception>
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[CertificatePathKey];
        return string.IsNullOrEmpty(path) ? builder : builder.ProtectKeysWithCertificate(Load(path, configuration[CertificatePasswordKey]));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{CertificatePathKey}: cannot read the key ring certificate '{path}' (a PKCS#12 file; its password in {CertificatePasswordKey}): {e.Message}", e);
        }
        // Without the private key new keys could be written but never read back: every token would fail after a restart.
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate '{path}' has no private key; the key ring could not be read back.");
        return certificate;
    }
}
