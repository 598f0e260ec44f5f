using System.Text;
using LaVae.IO;
using LaVae.Data;

namespace LaVae.DataFetching;

/// <summary>
/// The folder that holds the datasets, raw IDX files under <c>&lt;root&gt;/&lt;dataset&gt;/</c>.
/// A file is used only once its MD5 matches the published one; a missing or mismatching file is
/// fetched from the dataset's sources in order, and lands under its name only once complete and
/// verified.
/// </summary>
public sealed class DatasetStore
{
    /// <summary>Overrides the default root (the user's cache folder).</summary>
    public const string DataFolderVariable = "LAVAE_DATA";

    private readonly IReadOnlyDictionary<DatasetName, DatasetDefinition> _definitions;
    private readonly IProgress<DataProgress>? _progress;

    internal DatasetStore(string root, IReadOnlyDictionary<DatasetName, DatasetDefinition> definitions, IProgress<DataProgress>? progress)
    {
        Root = root;
        _definitions = definitions;
        _progress = progress;
    }

    public string Root { get; }

    /// <summary>
    /// The store at <paramref name="explicitFolder"/>, else at <c>$LAVAE_DATA</c>, else in the
    /// user's cache folder (<c>$XDG_CACHE_HOME/lavae</c>, or <c>~/.cache/lavae</c>).
    /// </summary>
    /// <param name="progress">Told how far each download has got.</param>
    public static DatasetStore Open(string? explicitFolder = null, IProgress<DataProgress>? progress = null) =>
        new(ResolveRoot(explicitFolder, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            PublishedDatasets.CreateDefinitions(),
            progress);

    internal static string ResolveRoot(string? explicitFolder, Func<string, string?> environment, string userProfile)
    {
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return Path.GetFullPath(explicitFolder);
        }

        if (environment(DataFolderVariable) is { Length: > 0 } dataFolder)
        {
            return Path.GetFullPath(dataFolder);
        }

        return environment("XDG_CACHE_HOME") is { Length: > 0 } cacheHome
            ? Path.Combine(Path.GetFullPath(cacheHome), "lavae")
            : Path.Combine(userProfile, ".cache", "lavae");
    }

    public string FolderOf(DatasetName dataset) => Path.Combine(Root, dataset.FolderName());

    /// <summary>Makes sure all four files of the dataset are present and verified, fetching what is not.</summary>
    public async Task EnsureAsync(DatasetName dataset, CancellationToken cancellationToken = default)
    {
        foreach (var file in Definition(dataset).Files.All)
        {
            await EnsureFileAsync(dataset, file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The split's images and labels, fetched first where needed.</summary>
    public async Task<DatasetSplit> LoadAsync(DatasetName dataset, Split split, CancellationToken cancellationToken = default)
    {
        var (imagesFile, labelsFile) = Definition(dataset).Files.Of(split);
        string imagesPath = await EnsureFileAsync(dataset, imagesFile, cancellationToken).ConfigureAwait(false);
        string labelsPath = await EnsureFileAsync(dataset, labelsFile, cancellationToken).ConfigureAwait(false);

        var images = IdxFile.ReadImages(imagesPath);
        var labels = IdxFile.ReadLabels(labelsPath);
        if (images.Count != labels.Count)
        {
            throw new InvalidDataException($"{imagesPath} has {images.Count} images but {labelsPath} has {labels.Count} labels.");
        }

        return new DatasetSplit(dataset, split, images, labels);
    }

    /// <inheritdoc cref="LoadAsync"/>
    public DatasetSplit Load(DatasetName dataset, Split split) => LoadAsync(dataset, split).GetAwaiter().GetResult();

    private DatasetDefinition Definition(DatasetName dataset) =>
        _definitions.TryGetValue(dataset, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "This store has no definition of the dataset.");

    /// <remarks>
    /// The MD5 of a present file is recomputed on every use rather than remembered in a stamp:
    /// hashing the 47 MB training images takes about 0.1 s, and a size+mtime stamp can vouch for a
    /// file rewritten in place or restored with its old mtime.
    /// </remarks>
    private async Task<string> EnsureFileAsync(DatasetName dataset, DatasetFile file, CancellationToken cancellationToken)
    {
        string path = Path.Combine(FolderOf(dataset), file.Name);
        string? presentMd5 = File.Exists(path) ? await Md5.OfFileAsync(path, cancellationToken).ConfigureAwait(false) : null;
        if (presentMd5 is null)
        {
            RequireReadableFolders(dataset, path);
        }
        if (presentMd5 == file.RawMd5)
        {
            return path;
        }

        var why = presentMd5 is null ? "it is not there" : $"its MD5 is {presentMd5}, expected {file.RawMd5}";
        try
        {
            WritableFolder.Require(FolderOf(dataset), "the data folder");
        }
        catch (IOException e)
        {
            throw new IOException($"{path} must be fetched ({why}), but {e.Message}; point --data or {DataFolderVariable} at a folder that can be written", e);
        }

        var failures = new List<(IDatasetSource Source, Exception Error)>();
        var sources = Definition(dataset).Sources;
        if (sources.Count > 0)
        {
            _progress?.Report(new DataProgress(file.Name, sources[0].Description, 0, null, Reason: why));
        }

        foreach (var source in sources)
        {
            try
            {
                await AtomicFile.WriteAsync(path, (stream, ct) => FetchVerifiedAsync(source, file, stream, ct), cancellationToken).ConfigureAwait(false);
                return path;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure of one source, whatever its kind, is a reason to try the next one;
                // all of them together are reported below.
                failures.Add((source, e));
                _progress?.Report(new DataProgress(file.Name, source.Description, 0, null, Failure: e.Message.TrimEnd('.')));
            }
        }

        throw new IOException(AllSourcesFailedMessage(path, file, presentMd5, failures), new AggregateException(failures.Select(f => f.Error)));
    }

    /// <summary>
    /// File.Exists says false for a file in a folder this user may not enter, or under a path that is a
    /// file: that is not "it is not there", and fetching cannot fix it, so the folder is named instead.
    /// </summary>
    private void RequireReadableFolders(DatasetName dataset, string path)
    {
        foreach (var folder in new[] { Root, FolderOf(dataset) })
        {
            if (File.Exists(folder))
            {
                throw new IOException($"{path} cannot be read: the data folder {folder} is a file, not a folder; point --data or {DataFolderVariable} at a folder");
            }

            try
            {
                using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
                entries.MoveNext();
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException(
                    $"{path} cannot be read: the data folder {folder} cannot be entered (permission denied); let this user read it, or point --data or {DataFolderVariable} at another folder", e);
            }
            catch (DirectoryNotFoundException)
            {
                return; // not there yet: the file is fetched into it
            }
        }
    }

    private async Task FetchVerifiedAsync(IDatasetSource source, DatasetFile file, Stream destination, CancellationToken cancellationToken)
    {
        await source.FetchAsync(file, destination, _progress, cancellationToken).ConfigureAwait(false);
        destination.Position = 0;
        string md5 = await Md5.OfAsync(destination, cancellationToken).ConfigureAwait(false);
        if (md5 != file.RawMd5)
        {
            throw new InvalidDataException($"the file it gave has MD5 {md5}, expected {file.RawMd5}; it was not used");
        }
    }

    private static string AllSourcesFailedMessage(
        string path, DatasetFile file, string? presentMd5, IReadOnlyList<(IDatasetSource Source, Exception Error)> failures)
    {
        var message = new StringBuilder($"Could not get {path}: ");
        message.Append(presentMd5 is null
            ? "it is not there"
            : $"the file there has MD5 {presentMd5}, expected {file.RawMd5}");
        message.Append(failures.Count == 0 ? ", and there is no source to fetch it from" : ", and every source failed: ");
        message.AppendJoin("; ", failures.Select(failure => $"{failure.Source.Description}: {failure.Error.Message.TrimEnd('.')}"));
        message.Append($". Put the raw IDX file there yourself (MD5 {file.RawMd5}), or point {DataFolderVariable} at a folder that has <dataset>/{file.Name}.");
        return message.ToString();
    }
}
