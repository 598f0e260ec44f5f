using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LaVae.Tests.Unit.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, one request per connection. It serves
/// what a test registers, answers 404 to anything else, and can break a transfer off midway.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, int SentBytes)> _routes = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _acceptLoop;

    public LoopbackHttpServer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The paths requested so far, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Serve(string path, byte[] body) => _routes[path] = (body, body.Length);

    /// <summary>Announces the whole body's length but closes the connection after <paramref name="sentBytes"/>.</summary>
    public void ServeTruncated(string path, byte[] body, int sentBytes) => _routes[path] = (body, sentBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            string path = await ReadRequestPathAsync(stream);
            _requests.Enqueue(path);
            if (_routes.TryGetValue(path, out var route))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {route.Body.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(route.Body.AsMemory(0, route.SentBytes));
            }
            else
            {
                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        }
    }

    /// <summary>Reads the request head up to its blank line and returns the path of its request line.</summary>
    private static async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
        {
            head.Append((char)buffer[0]);
        }

        return head.ToString().Split(' ') is [_, var path, ..] ? path : "";
    }
}
