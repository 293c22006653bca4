using System.Buffers;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// What came back: the status (0 when no response arrived, then <see cref="Failure"/> says why),
/// <c>Retry-After</c>, and the body: in a buffer rented from the shared pool (the raw transport, so
/// reading the crowd's answers allocates nothing per request) or in one of its own (HttpClient's).
/// Dispose exactly once, after the body has been read.
/// </summary>
public readonly struct ServiceResponse : IDisposable
{
    private readonly byte[]? _body;
    private readonly int _length;
    private readonly bool _rented;

    /// <param name="rented">True when <paramref name="body"/> came from <see cref="ArrayPool{T}.Shared"/> and goes back on dispose.</param>
    public ServiceResponse(int status, TimeSpan? retryAfter, byte[]? body, int length, bool rented = true)
    {
        Status = status;
        RetryAfter = retryAfter;
        _body = body;
        _length = length;
        _rented = rented;
        Failure = "";
    }

    private ServiceResponse(string failure)
    {
        Failure = failure;
        _body = null;
        _length = 0;
        _rented = false;
    }

    public int Status { get; }

    /// <summary>Why no response arrived (<see cref="Measurement.RequestOutcome.Timeout"/>, <see cref="Measurement.RequestOutcome.TransportError"/>); empty otherwise.</summary>
    public string Failure { get; }

    public TimeSpan? RetryAfter { get; }

    public ReadOnlySpan<byte> Body => _body is null ? default : _body.AsSpan(0, _length);

    public static ServiceResponse Failed(string failure) => new(failure);

    public void Dispose()
    {
        if (_rented && _body is not null) ArrayPool<byte>.Shared.Return(_body);
    }
}
