namespace LaVae.Tests.Unit;

/// <summary>The repository checkout the tests run from: the nearest folder above the test binaries that holds LaVae.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "LaVae.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no LaVae.sln above {AppContext.BaseDirectory}");
    }
}
