using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansBooking.LoadTests.Hosting;

/// <summary>
/// The certificate that encrypts the token key ring of silos started for a load test or a cluster
/// test: outside Development a silo refuses to start without one. It is self-signed, made once per
/// machine in the temporary folder and kept, so that silos started by later runs on the same
/// database can still read the key ring. A throw-away for test silos, never for a hospital's.
/// </summary>
public static class LoadTestKeyRing
{
    /// <summary>Not a secret: the certificate protects only synthetic load-test data.</summary>
    public const string Password = "orleansbooking load-test key ring";

    private static readonly Lazy<string> File = new(Create);

    public static string CertificatePath => File.Value;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleansbooking-loadtest-keyring.pfx");
        if (System.IO.File.Exists(path)) return path;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OrleansBooking load-test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        // Written aside and moved into place, so two processes starting at once never read half a file.
        var aside = path + "." + Guid.NewGuid().ToString("N");
        System.IO.File.WriteAllBytes(aside, certificate.Export(X509ContentType.Pkcs12, Password));
        try
        {
            System.IO.File.Move(aside, path, overwrite: false);
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            System.IO.File.Delete(aside); // another process made it first
        }
        return path;
    }
}
