using System.Net;
using OrleansBooking.Api.RateLimiting;

namespace OrleansBooking.Tests.Abuse;

/// <summary>What the per-address limit counts as one caller.</summary>
public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:abcd:ef01:2345:6789")]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7")]
    [InlineData("fe80::1%2", "fe80::2")]
    public void TheseAreOneNetwork(string first, string second) =>
        Assert.Equal(ClientNetwork.Of(IPAddress.Parse(first)), ClientNetwork.Of(IPAddress.Parse(second)));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("203.0.113.7", "203.0.113.8")]
    [InlineData("::ffff:203.0.113.7", "::ffff:203.0.113.8")]
    [InlineData("127.0.0.1", "::1")]
    [InlineData("0.0.0.0", "::")]
    public void TheseAreTwoNetworks(string first, string second) =>
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse(first)), ClientNetwork.Of(IPAddress.Parse(second)));

    [Theory]
    [InlineData("::")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("255.255.255.255")]
    [InlineData("::ffff:255.255.255.255")]
    public void NoAddressIsTheUnlimitedKey(string address) =>
        Assert.NotEqual(ClientNetwork.None, ClientNetwork.Of(IPAddress.Parse(address)));
}
