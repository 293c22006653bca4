using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>
/// The data-protection key ring in the booking database, so every silo signs and reads tokens with
/// the same keys: a token issued by one silo works on any other, and a new silo needs no key files.
/// The XML stored here is what Data Protection hands over: encrypted with the operator's certificate
/// when Booking:Accounts:KeyRingCertificatePath is set (required in Production, see KeyRingProtection).
/// </summary>
internal sealed class SqlProtectionKeys(SqlDialect dialect) : IXmlRepository
{
    // The data-protection system calls these synchronously, rarely (start-up, key roll), never per request.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT xml FROM protection_keys ORDER BY name";
        using var reader = select.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO protection_keys (name, xml) VALUES (@name, @xml)";
        SlotPoolRows.Bind(insert, "name", friendlyName);
        SlotPoolRows.Bind(insert, "xml", element.ToString(SaveOptions.DisableFormatting));
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (DbException e) when (dialect.IsDuplicateKey(e))
        {
            // Key names are unique ids: the same key stored twice is already there.
        }
    }

    private DbConnection Open() => dialect.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
}
