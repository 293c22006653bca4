using System.Buffers;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// What came back: the status (0 when no response arrived, then <see cref="Failure"/> says why),
/// <c>Retry-After</c>, and the body in a buffer rented from the shared pool, so reading the crowd's
/// answers allocates nothing per request. Dispose exactly once, after the body has been read.
/// </summary>
public readonly struct ServiceResponse : IDisposable
{
    private readonly byte[]? _rented;
    private readonly int _length;

    public ServiceResponse(int status, TimeSpan? retryAfter, byte[]? rentedBody, int length)
    {
        Status = status;
        RetryAfter = retryAfter;
        _rented = rentedBody;
        _length = length;
        Failure = "";
    }

    private ServiceResponse(string failure)
    {
        Failure = failure;
        _rented = null;
        _length = 0;
    }

    public int Status { get; }

    /// <summary>Why no response arrived (<see cref="Measurement.RequestOutcome.Timeout"/>, <see cref="Measurement.RequestOutcome.TransportError"/>); empty otherwise.</summary>
    public string Failure { get; }

    public TimeSpan? RetryAfter { get; }

    public ReadOnlySpan<byte> Body => _rented is null ? default : _rented.AsSpan(0, _length);

    public static ServiceResponse Failed(string failure) => new(failure);

    public void Dispose()
    {
        if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
    }
}
