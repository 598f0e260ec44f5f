using System.ComponentModel;
using System.Diagnostics;

namespace LaVae.DataFetching;

/// <summary>
/// Runs a package tool (npm, apt-get, dpkg-deb) in a folder with a time limit. A tool that is not
/// installed, fails or hangs becomes an IOException/TimeoutException naming it, so the store can try
/// the next source and report every source's reason together.
/// </summary>
internal static class ExternalCommand
{
    public static async Task RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan limit, string installHint,
        Func<string, string> summariseErrors, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var line = $"{program} {string.Join(' ', arguments)}";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new FileNotFoundException($"{program} could not be started ({e.Message}); {installHint}", e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"{line} did not finish within {limit.TotalSeconds} s");
            }

            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new IOException($"{line} exited with code {process.ExitCode}: {summariseErrors(stderr.Result)}");
            }
        }
    }

    /// <summary>The first lines of a tool's error output, on one line.</summary>
    public static string FirstLines(string stderr, int count = 2, Func<string, bool>? skip = null)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => skip is null || !skip(line))
            .Take(count);
        string summary = string.Join("; ", lines);
        return summary.Length > 0 ? summary : "(no error output)";
    }
}
