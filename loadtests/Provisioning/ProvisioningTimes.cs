namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// How long setting the run up took: registering every patient on file and signing the crowd in
/// (together), and creating the pools. Before the release, so not in the rush's figures.
/// </summary>
public sealed record ProvisioningTimes(int PatientsOnFile, TimeSpan PatientsReady, int Pools, TimeSpan PoolCreation)
{
    public double PoolsPerSecond => PoolCreation > TimeSpan.Zero ? Pools / PoolCreation.TotalSeconds : 0;
}
