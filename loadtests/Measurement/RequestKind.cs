namespace OrleansBooking.LoadTests.Measurement;

/// <summary>What a measured request was for; each kind gets its own latency histogram.</summary>
public enum RequestKind
{
    /// <summary><c>POST /api/pools/{id}/reservations</c>: a reservation attempt.</summary>
    Reserve,
    /// <summary><c>GET /api/pools/{id}</c>: a patient looking at a pool before or instead of booking.</summary>
    Browse,
    /// <summary><c>DELETE /api/reservations/{id}</c>: a patient giving a number back.</summary>
    Cancel,
    /// <summary><c>GET /health/live</c>: the cheapest route, for the HTTP ceiling.</summary>
    Ceiling,
    /// <summary>Opening a hold's payment and pressing pay or fail on the sandbox's page (<c>rush --payment</c>).</summary>
    Payment,
    /// <summary>Joining a waitlist, looking at one's place, accepting or declining an offer (<c>rush --waitlist</c>).</summary>
    Waitlist,
    /// <summary><c>GET /api/account/lottery-entries</c>: an entrant looking at the draw's result (<c>rush --lottery</c>).</summary>
    Lottery,
}
