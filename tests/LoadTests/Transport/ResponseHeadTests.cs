using System.Text;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.Tests.LoadTests.Transport;

public sealed class ResponseHeadTests
{
    private static (bool Complete, ResponseHead Head, int Length) Parse(string text)
    {
        bool complete = ResponseHead.TryParse(Encoding.ASCII.GetBytes(text), out var head, out int length);
        return (complete, head, length);
    }

    [Fact]
    public void TheStatusFramingAndHintsAreReadWhateverTheHeadersCase()
    {
        const string head = "HTTP/1.1 503 Service Unavailable\r\ncontent-LENGTH: 42\r\nRETRY-after: 2\r\nConnection: keep-alive, Close\r\nServer: Kestrel\r\n\r\n";

        var (complete, parsed, length) = Parse(head + "{...");

        Assert.True(complete);
        Assert.Equal(head.Length, length);
        Assert.Equal(new ResponseHead(503, 42, Chunked: false, ConnectionClose: true, TimeSpan.FromSeconds(2)), parsed);
    }

    [Fact]
    public void AChunkedAnswerWithoutLengthIsChunkedWithLengthUnknown()
    {
        var (_, parsed, _) = Parse("HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n");

        Assert.Equal(new ResponseHead(409, -1, Chunked: true, ConnectionClose: false, RetryAfter: null), parsed);
    }

    [Fact]
    public void AHeadWithoutItsBlankLineIsNotCompleteYet()
    {
        Assert.False(Parse("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n").Complete);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(101)]
    public void SomeStatusesNeverHaveABody(int status)
    {
        Assert.True(Parse($"HTTP/1.1 {status} X\r\n\r\n").Head.HasNoBody);
        Assert.False(Parse("HTTP/1.1 200 OK\r\n\r\n").Head.HasNoBody);
    }

    [Theory]
    [InlineData("<html>\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n")]
    public void AnythingButAnHttpHeadIsRefused(string text)
    {
        Assert.Throws<InvalidDataException>(() => Parse(text));
    }
}
