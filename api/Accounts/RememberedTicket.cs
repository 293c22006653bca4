using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// An opened access token as <see cref="VerifiedTokens"/> keeps it: only what the ticket carries
/// (its scheme, one identity's types, the claims' types and values, the expiry), with what is the
/// same for all sessions kept once, and a new ticket built from it on each request.
/// </summary>
/// <remarks>
/// A whole opened ticket is ≈ 1.9 KB (the identity, four <see cref="Claim"/>s, the properties'
/// two dictionaries, and its own copy of every claim type and of the scheme, read from the
/// token); this is ≈ 0.17 KB: the session's values (<see cref="CompactClaimValue"/>) and expiry,
/// and a shape shared by every ticket sign-in makes. The ticket built from it is what
/// opening the token gives (<see cref="TicketSerializer"/> reads a claim with the same defaults);
/// a ticket carrying anything else (a second identity, an actor, a claim's issuer or properties,
/// other properties) is not made a <see cref="RememberedTicket"/> at all. Each request getting its
/// own ticket also means one request changing its principal cannot change another's.
/// </remarks>
internal sealed class RememberedTicket
{
    private static readonly string AccessTokenScheme = $"{AccountSessions.Scheme}:AccessToken";

    /// <summary>What every session's ticket from sign-in has alike (<see cref="AccountSessions.Principal"/>), kept once for all.</summary>
    private static readonly Shape[] SignInShapes =
    [
        new(AccessTokenScheme, AccountSessions.Scheme, AccountClaims.AccountId, AccountClaims.Role,
            [AccountClaims.AccountId, AccountClaims.Role, AccountClaims.SessionId, AccountClaims.RefreshId]),
        new(AccessTokenScheme, AccountSessions.Scheme, AccountClaims.AccountId, AccountClaims.Role,
            [AccountClaims.AccountId, AccountClaims.Role, AccountClaims.SessionId, AccountClaims.RefreshId, AccountClaims.DoctorId]),
    ];

    private readonly Shape shape;
    /// <summary>The claims' values, in the order of <see cref="Shape.Types"/>.</summary>
    private readonly CompactClaimValue[] values;

    private RememberedTicket(Shape shape, CompactClaimValue[] values, DateTimeOffset expires)
    {
        this.shape = shape;
        this.values = values;
        Expires = expires;
    }

    public DateTimeOffset Expires { get; }

    /// <summary>The compact form of an opened ticket, or null when the ticket carries more than it can hold.</summary>
    public static RememberedTicket? From(AuthenticationTicket ticket)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires || !OnlyExpiry(ticket.Properties, expires)) return null;
        if (ticket.Principal.GetType() != typeof(ClaimsPrincipal) || ticket.Principal.Identities.Count() != 1) return null;
        var identity = ticket.Principal.Identities.First();
        if (identity.GetType() != typeof(ClaimsIdentity) || identity.Actor is not null || identity.BootstrapContext is not null || identity.Label is not null)
            return null;

        var types = new List<string>(5);
        var values = new List<CompactClaimValue>(5);
        foreach (var claim in identity.Claims)
        {
            if (!IsPlain(claim, identity)) return null;
            types.Add(Shared(claim.Type));
            values.Add(CompactClaimValue.Of(claim.Type == AccountClaims.Role ? SharedRole(claim.Value) : claim.Value));
        }
        var shape = new Shape(Shared(ticket.AuthenticationScheme), identity.AuthenticationType is { } type ? Shared(type) : null,
            Shared(identity.NameClaimType), Shared(identity.RoleClaimType), [.. types]);
        return new RememberedTicket(SignInShapes.FirstOrDefault(shape.Matches) ?? shape, [.. values], expires);
    }

    /// <summary>A new ticket, as opening the token would give it.</summary>
    public AuthenticationTicket Ticket()
    {
        var identity = new ClaimsIdentity(shape.AuthenticationType, shape.NameClaimType, shape.RoleClaimType);
        for (var i = 0; i < values.Length; i++)
            identity.AddClaim(new Claim(shape.Types[i], values[i].ToString(), ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
        return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = Expires }, shape.Scheme);
    }

    /// <summary>The ticket's scheme, its identity's types and its claims' types, in order.</summary>
    private sealed record Shape(string Scheme, string? AuthenticationType, string NameClaimType, string RoleClaimType, string[] Types)
    {
        public bool Matches(Shape other) =>
            Scheme == other.Scheme && AuthenticationType == other.AuthenticationType && NameClaimType == other.NameClaimType
            && RoleClaimType == other.RoleClaimType && Types.AsSpan().SequenceEqual(other.Types);
    }

    /// <summary>
    /// Properties of nothing but the expiry, written as the properties write it (whole seconds), so
    /// that the rebuilt properties are the same text.
    /// </summary>
    private static bool OnlyExpiry(AuthenticationProperties properties, DateTimeOffset expires) =>
        properties.Items.Count == 1 && properties.Parameters.Count == 0
        && properties.Items.TryGetValue(".expires", out var text)
        && text == expires.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>A claim as sign-in makes it: a string issued by this silo, with no properties, of this identity.</summary>
    private static bool IsPlain(Claim claim, ClaimsIdentity identity) =>
        claim.GetType() == typeof(Claim) && ReferenceEquals(claim.Subject, identity)
        && claim.ValueType == ClaimValueTypes.String
        && claim.Issuer == ClaimsIdentity.DefaultIssuer && claim.OriginalIssuer == ClaimsIdentity.DefaultIssuer
        && claim.Properties.Count == 0;

    /// <summary>
    /// The one copy of a string every session's ticket has: opening a token reads its own copy of
    /// each claim type and of the scheme, ≈ 0.5 KB of the same text per session.
    /// </summary>
    private static string Shared(string text) => text switch
    {
        AccountClaims.AccountId => AccountClaims.AccountId,
        AccountClaims.Role => AccountClaims.Role,
        AccountClaims.DoctorId => AccountClaims.DoctorId,
        AccountClaims.SessionId => AccountClaims.SessionId,
        AccountClaims.RefreshId => AccountClaims.RefreshId,
        AccountSessions.Scheme => AccountSessions.Scheme,
        _ when text == AccessTokenScheme => AccessTokenScheme,
        _ => text,
    };

    private static string SharedRole(string role) => role switch
    {
        AccountRoles.Patient => AccountRoles.Patient,
        AccountRoles.Doctor => AccountRoles.Doctor,
        AccountRoles.Admin => AccountRoles.Admin,
        _ => role,
    };
}
