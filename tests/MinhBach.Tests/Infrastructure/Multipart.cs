using System.Net.Http.Headers;
using System.Text;

namespace MinhBach.Tests.Infrastructure;

/// <summary>
/// A multipart/form-data body written byte for byte as a browser writes it (file names as raw UTF-8 in
/// filename="…", no filename*), so a test controls every field name, file name and content.
/// </summary>
public sealed class Multipart
{
    private readonly string _boundary = "----MinhBachTestBoundary" + Guid.NewGuid().ToString("N");
    private readonly List<(string Name, string? FileName, string? ContentType, byte[] Body)> _parts = [];

    public Multipart Field(string name, string value)
    {
        _parts.Add((name, null, null, Encoding.UTF8.GetBytes(value)));
        return this;
    }

    public Multipart File(string name, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        _parts.Add((name, fileName, contentType, content));
        return this;
    }

    /// <summary>The field names in order (e.g. to check that a token was added).</summary>
    public IEnumerable<string> Names => _parts.Select(p => p.Name);

    public HttpContent ToContent()
    {
        using var body = new MemoryStream();
        foreach (var (name, fileName, contentType, content) in _parts)
        {
            var head = new StringBuilder().Append("--").Append(_boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(Escape(name)).Append('"');
            if (fileName is not null) head.Append("; filename=\"").Append(Escape(fileName)).Append('"');
            head.Append("\r\n");
            if (contentType is not null) head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            head.Append("\r\n");
            body.Write(Encoding.UTF8.GetBytes(head.ToString()));
            body.Write(content);
            body.Write("\r\n"u8);
        }
        body.Write(Encoding.ASCII.GetBytes("--" + _boundary + "--\r\n"));
        var result = new ByteArrayContent(body.ToArray());
        result.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + _boundary);
        return result;
    }

    // As the HTML standard has browsers do: quote, CR and LF percent-encoded.
    private static string Escape(string value) => value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
}
