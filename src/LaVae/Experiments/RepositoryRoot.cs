namespace LaVae.Experiments;

/// <summary>Finds the LaVae repository (the folder with experiments/ and baselines/paper/) a path lies in.</summary>
public static class RepositoryRoot
{
    public static string Find(string startPath)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(File.Exists(startPath) ? Path.GetDirectoryName(Path.GetFullPath(startPath))! : startPath));
        for (var current = folder; current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ExperimentCatalog.ExperimentsFolder)) && Directory.Exists(Path.Combine(current.FullName, ExperimentCatalog.BaselinesFolder)))
            {
                return current.FullName;
            }
        }

        throw new DirectoryNotFoundException($"{startPath} is not inside a LaVae repository (no folder above it holds experiments/ and baselines/paper/)");
    }

    /// <summary>Where `lavae run` and the reproduction tests keep a run's results, report and figures (trained parts live in the store).</summary>
    public static string RunFolder(string root, string experimentId, string profile) => Path.Combine(root, "runs", experimentId, profile);

    /// <summary>The artifact store every experiment of the repository shares: LAVAE_STORE, else runs/artifacts.</summary>
    public static string StoreFolder(string root) =>
        Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } store ? Path.GetFullPath(store) : Path.Combine(root, "runs", "artifacts");

    public const string StoreVariable = "LAVAE_STORE";
}
