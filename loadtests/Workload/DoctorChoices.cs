using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>How an arrival's booking went: who the patient is, how it ended, and the doctor wanted most.</summary>
public sealed record ArrivalBooking(
    int Member, string PatientId, BearerToken? Token, AttemptEnd End, Reservation? Reservation, ProvisionedPool FirstChoice);

/// <summary>
/// The booking part of a scenario variant's patient: the arrival's patient tries doctors by
/// popularity, the next at once after <c>sold_out</c>, up to the behaviour's <c>MaxChoices</c>, and
/// the visit's end is counted. The doctor wanted most is the one a patient who missed out waits for.
/// </summary>
public sealed class DoctorChoices(VisitContext context)
{
    private readonly PoolCatalogue _catalogue = new(context.Pools, context.Scenario.Popularity);
    private readonly ReservationAttempt _attempt = new(context.Client, context.Measurements, context.Ledger, context.Scenario.Behaviour);

    public async Task<ArrivalBooking> BookAsync(long index, long intendedTimestamp, CancellationToken ct)
    {
        var (dice, member, patientId, token) = Arrival(context, index);
        var tried = new int[Math.Min(context.Scenario.Behaviour.MaxChoices, _catalogue.Pools.Count)];
        var end = AttemptEnd.SoldOut;
        Reservation? reservation = null;
        long intended = intendedTimestamp;
        int choices = 0;
        while (choices < tried.Length && end == AttemptEnd.SoldOut)
        {
            int rank = _catalogue.PickRankOtherThan(tried.AsSpan(0, choices), ref dice);
            if (rank < 0) break;
            tried[choices] = rank;
            (end, reservation) = await _attempt.RunAsync(
                _catalogue.Pools[rank].PoolId, patientId, token, $"{context.RunId}-{index}-{choices}", intended, ct).ConfigureAwait(false);
            choices++;
            intended = context.Measurements.Clock.GetTimestamp();
        }
        context.Measurements.Journeys.Add(ReservationAttempt.JourneyEndOf(end));
        return new ArrivalBooking(member, patientId, token, end, reservation, _catalogue.Pools[tried[0]]);
    }

    /// <summary>Who arrival <paramref name="index"/> is, and the dice that go on to choose the doctors: the same for every variant's patient.</summary>
    public static (VisitDice Dice, int Member, string PatientId, BearerToken? Token) Arrival(VisitContext context, long index)
    {
        var dice = new VisitDice(context.Scenario.Load.Seed, index);
        int member = dice.Next(context.Scenario.Patients);
        return (dice, member, RushRunner.PatientIdPrefix(context.RunId) + member, context.Tokens.Of(member));
    }
}
