using System.Buffers;

namespace MinhBach.Features.Caching;

/// <summary>
/// Holds a response body in pooled memory until the middleware that installed it decides its headers (an ETag needs the
/// whole body; a 304 must send none of it). Past <c>limit</c> bytes it gives up: what it held and everything after goes
/// straight to the inner stream, and <see cref="PassedThrough"/> says so.
/// </summary>
internal sealed class ResponseBuffer(Stream inner, int limit) : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    public bool PassedThrough { get; private set; }
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);
    public int WrittenLength => _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (!PassedThrough && _length + data.Length > limit)
        {
            PassedThrough = true;
            inner.Write(Written);
        }
        if (PassedThrough) inner.Write(data);
        else Append(data);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (!PassedThrough && _length + data.Length > limit)
        {
            PassedThrough = true;
            await inner.WriteAsync(_buffer.AsMemory(0, _length), ct);
        }
        if (PassedThrough) await inner.WriteAsync(data, ct);
        else Append(data.Span);
    }

    // Nothing reaches the client before the body is complete, unless the buffer gave up.
    public override void Flush()
    {
        if (PassedThrough) inner.Flush();
    }

    public override Task FlushAsync(CancellationToken ct) => PassedThrough ? inner.FlushAsync(ct) : Task.CompletedTask;

    /// <summary>Sends what was held (nothing if the buffer passed through already).</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        if (!PassedThrough && _length > 0) await inner.WriteAsync(_buffer.AsMemory(0, _length), ct);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + data.Length));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
        base.Dispose(disposing);
    }
}
