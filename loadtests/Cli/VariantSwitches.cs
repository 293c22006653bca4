using OrleansBooking.LoadTests.Lottery;
using OrleansBooking.LoadTests.Payment;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Waitlist;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>Reads which part of the hospital a rush also puts to work (<c>--payment</c>, <c>--waitlist</c>, <c>--lottery</c>) and its options.</summary>
public static class VariantSwitches
{
    public const string Help = """
          --payment                 payment at booking: the started silo gets Booking:Payment:Mode=at-booking, the sandbox provider
                                    and short holds; holders pay through the sandbox's pay page, some fail, some walk away; the
                                    read-back waits until the last hold ran out, then checks the books (and the reconciliation report)
          --abandon-ratio F         holders who never pay (default 0.2)
          --fail-ratio F            holders whose card fails, who then give up (default 0.1)
          --pay-after DUR           how long after the hold a patient pays (default 3s)
          --hold-minutes N          Booking:Payment:HoldMinutes of the started silo (default 1, its least: whole minutes)
          --waitlist                cancellations during the crowd and patients waiting for the freed numbers: the started silo
                                    gets short offers; sold-out patients join their first choice's waitlist and look every
                                    second; their places are read back and checked against the reservations
          --join-ratio F            patients sold out everywhere who join a waitlist (default 0.5)
          --waitlist-cancel-ratio F booked patients who cancel within --cancel-within (default 0.2)
          --cancel-within DUR       cancellations fall uniformly within this time after booking (default 60s)
          --decline-ratio F         offers declined (default 0.2)
          --lapse-ratio F           offers left to run out (default 0.1)
          --watch-for DUR           how long a waiting patient keeps looking (default 150s; --drain defaults to this + 30s)
          --offer-minutes N         Booking:Waitlist:OfferMinutes of the started silo (default 1, its least)
          --lottery                 the run's pools draw: requests in the window are entries (202); entrants look at
                                    "my draws" after the draw, the rest book the numbers left first come; each pool's
                                    audit is read back and checked against the reservations, the entries and the reads
          --lottery-window DUR      the pools' draw window, whole minutes (default 1m, its least; at most 60m;
                                    --drain defaults to it + 60s so entrants see their result before the read-back)

        """;

    /// <returns>The variant, or null for the plain rush.</returns>
    public static IRushVariant? From(CommandLineArgs args)
    {
        var d = new PaymentBehaviour();
        var payment = d with
        {
            AbandonRatio = args.Double("abandon-ratio") ?? d.AbandonRatio,
            FailRatio = args.Double("fail-ratio") ?? d.FailRatio,
            PayAfter = args.Duration("pay-after") ?? d.PayAfter,
            HoldMinutes = args.Int("hold-minutes") ?? d.HoldMinutes,
        };
        var w = new WaitlistBehaviour();
        var waitlist = w with
        {
            JoinRatio = args.Double("join-ratio") ?? w.JoinRatio,
            CancelRatio = args.Double("waitlist-cancel-ratio") ?? w.CancelRatio,
            CancelWithin = args.Duration("cancel-within") ?? w.CancelWithin,
            DeclineRatio = args.Double("decline-ratio") ?? w.DeclineRatio,
            LapseRatio = args.Double("lapse-ratio") ?? w.LapseRatio,
            WatchFor = args.Duration("watch-for") ?? w.WatchFor,
            OfferMinutes = args.Int("offer-minutes") ?? w.OfferMinutes,
        };
        try
        {
            var lottery = new LotteryBehaviour
            {
                WindowMinutes = args.Duration("lottery-window") is { } window ? LotteryBehaviour.WindowMinutesOf(window) : new LotteryBehaviour().WindowMinutes,
            };
            return (args.Flag("payment"), args.Flag("waitlist"), args.Flag("lottery")) switch
            {
                (true, false, false) => Validated(payment.Validate, new PaymentRush(payment)),
                (false, true, false) => Validated(waitlist.Validate, new WaitlistRush(waitlist)),
                (false, false, true) => Validated(lottery.Validate, new LotteryRush(lottery)),
                (false, false, false) => null,
                _ => throw new UsageException("--payment, --waitlist and --lottery are separate scenarios; pick one."),
            };
        }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }

    private static IRushVariant Validated(Action validate, IRushVariant variant)
    {
        validate();
        return variant;
    }

    /// <summary>Waiting patients and entrants keep looking after the last arrival; unless told otherwise the drain waits for them.</summary>
    public static RushScenario ForScenario(RushScenario scenario, IRushVariant? variant, CommandLineArgs args) =>
        args.Has("drain") ? scenario : variant switch
        {
            WaitlistRush waitlist => scenario with { Load = scenario.Load with { Drain = waitlist.WatchFor + TimeSpan.FromSeconds(30) } },
            // Entrants wait for the window to close, then look for their result.
            LotteryRush lottery => scenario with { Load = scenario.Load with { Drain = lottery.WaitsFor + TimeSpan.FromSeconds(30) } },
            _ => scenario,
        };

    /// <summary>The silo to start, given what the variant needs: its settings first, so a --silo-arg still overrides them.</summary>
    public static SiloSwitches ForSilo(SiloSwitches target, IRushVariant? variant) => variant is null
        ? target
        : target with
        {
            ExtraArgs = [.. variant.SiloSettings.Select(s => $"--{s.Key}={s.Value}"), .. target.ExtraArgs],
            ScenarioSecrets = variant.SiloSecrets,
        };
}
