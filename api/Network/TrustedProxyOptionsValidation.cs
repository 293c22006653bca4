using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Network;

/// <summary>Refuses an address or network that does not parse, naming it, at start-up.</summary>
public sealed class TrustedProxyOptionsValidation : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var errors = new List<string>();
        foreach (var proxy in options.TrustedProxies.Where(p => !IPAddress.TryParse(p, out _)))
            errors.Add($"{TrustedProxyOptions.SectionName}:TrustedProxies: '{proxy}' is not an IP address.");
        foreach (var network in options.TrustedNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            errors.Add($"{TrustedProxyOptions.SectionName}:TrustedNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/24).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
