using System.IO.Compression;

namespace LaVae.DataFetching;

/// <summary>
/// A folder that holds the files raw or gzipped, such as the one Debian's dataset-fashion-mnist
/// installs. Only the raw MD5 is checked (by the store): Debian recompressed the files, so its
/// .gz copies do not hash to the MD5s published for the upstream .gz files.
/// </summary>
/// <param name="folder">Where the files are.</param>
/// <param name="missingHint">What to do when they are not there, e.g. which package to install.</param>
internal sealed class LocalFolderSource(string folder, string missingHint) : IDatasetSource
{
    public string Description => $"folder {folder}";

    public async Task FetchAsync(DatasetFile file, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        string raw = Path.Combine(folder, file.Name);
        string gzipped = raw + ".gz";
        if (File.Exists(raw))
        {
            await CopyAsync(raw, decompress: false, file.Name, destination, progress, cancellationToken).ConfigureAwait(false);
        }
        else if (File.Exists(gzipped))
        {
            await CopyAsync(gzipped, decompress: true, file.Name, destination, progress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new FileNotFoundException($"neither {file.Name} nor {file.Name}.gz is there ({missingHint})");
        }
    }

    private async Task CopyAsync(
        string path, bool decompress, string fileName, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        long? total = decompress ? null : file.Length;
        Stream content = decompress ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using (content.ConfigureAwait(false))
        {
            await ProgressCopy.CopyAsync(content, destination, total, fileName, Description, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
