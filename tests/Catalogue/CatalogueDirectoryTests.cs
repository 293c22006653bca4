using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Catalogue;

public sealed class CatalogueDirectoryTests
{
    private readonly FakeTimeProvider clock = new(CatalogueExamples.MondayEight);
    private readonly CountingStore store = new();

    private CatalogueDirectory Directory() => new(store, clock, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task ReadsWithinTheTtlAreServedFromMemory()
    {
        var directory = Directory();

        var first = await directory.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var second = await directory.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, store.Loads);
    }

    [Fact]
    public async Task AReadAfterTheTtlLoadsAgain()
    {
        var directory = Directory();
        await directory.GetAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(1));
        await directory.GetAsync(CancellationToken.None);

        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task AChangeMadeHereIsSeenAtOnce()
    {
        var directory = Directory();
        await directory.GetAsync(CancellationToken.None);

        directory.Invalidate();
        await directory.GetAsync(CancellationToken.None);

        Assert.Equal(2, store.Loads);
    }

    /// <summary>Answers an empty catalogue and counts how often it was asked.</summary>
    private sealed class CountingStore : ICatalogueStore
    {
        private int loads;

        public int Loads => Volatile.Read(ref loads);

        public Task<CatalogueSnapshot> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(new CatalogueSnapshot([], [], []));
        }

        public Task<bool> AddDepartmentAsync(Department department, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> UpdateDepartmentAsync(Department department, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> AddDoctorAsync(Doctor doctor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> UpdateDoctorAsync(Doctor doctor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReplaceWeeklyScheduleAsync(string doctorId, IReadOnlyList<WeeklySession> sessions, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task AddScheduleExceptionAsync(ScheduleException exception, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RemoveScheduleExceptionAsync(string doctorId, string exceptionId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StoredPoolSummary>> ListPoolsAsync(
            IReadOnlyCollection<string>? doctorIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
