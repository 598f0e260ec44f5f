using System.IO.Compression;

namespace LaVae.DataFetching;

/// <summary>
/// An HTTP mirror that serves the files gzipped as <c>&lt;base&gt;&lt;name&gt;.gz</c> (the layout
/// of the MNIST and Fashion-MNIST mirrors). The .gz is checked against its published MD5 before
/// it is unpacked.
/// </summary>
internal sealed class HttpMirrorSource : IDatasetSource
{
    /// <summary>
    /// Mirrors are often unreachable (offline machines, firewalls that drop packets): give up on
    /// connecting after 10 s, but leave a slow download that does flow its time.
    /// </summary>
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    /// <summary>A server that accepts the connection but never answers is as good as unreachable.</summary>
    private static readonly TimeSpan DefaultAnswerTimeout = TimeSpan.FromSeconds(20);

    private readonly Uri _baseUri;
    private readonly TimeSpan _answerTimeout;
    private readonly HttpClient _http;

    /// <summary>Why this mirror could not be reached, once it could not.</summary>
    private string? _unreachable;

    public HttpMirrorSource(Uri baseUri, HttpClient? http = null, TimeSpan? answerTimeout = null)
    {
        _answerTimeout = answerTimeout ?? DefaultAnswerTimeout;
        ArgumentNullException.ThrowIfNull(baseUri);
        _baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _http = http ?? SharedClient;
    }

    public string Description => _baseUri.AbsoluteUri;

    public async Task FetchAsync(DatasetFile file, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        // The store asks for four files in a row; a mirror that was unreachable for the first
        // would make each of the others wait for the same timeout.
        if (_unreachable is not null)
        {
            throw new HttpRequestException($"not tried again: unreachable earlier ({_unreachable})");
        }

        var uri = new Uri(_baseUri, file.Name + ".gz");
        byte[] gzip = await DownloadAsync(uri, file.Name, progress, cancellationToken).ConfigureAwait(false);
        string md5 = Md5.Of(gzip);
        if (md5 != file.GzipMd5)
        {
            throw new InvalidDataException($"{uri} has MD5 {md5}, expected {file.GzipMd5}");
        }

        using var gunzip = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        await gunzip.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> DownloadAsync(Uri uri, string fileName, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(_answerTimeout);
        try
        {
            response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, answer.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            _unreachable = e.Message;
            throw;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            _unreachable = answer.IsCancellationRequested
                ? $"no answer within {_answerTimeout.TotalSeconds} s"
                : $"timed out: {e.InnerException?.Message ?? e.Message}";
            throw new TimeoutException($"{uri}: {_unreachable}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }

            using var gzip = new MemoryStream();
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await ProgressCopy.CopyAsync(
                    body, gzip, response.Content.Headers.ContentLength, fileName, Description, progress, cancellationToken).ConfigureAwait(false);
            }

            return gzip.ToArray();
        }
    }
}
