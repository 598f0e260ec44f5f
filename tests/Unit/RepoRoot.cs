using LaVae.Experiments;

namespace LaVae.Tests.Unit;

/// <summary>The repository checkout the tests run from (the one above the test binaries).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = RepositoryRoot.Find(AppContext.BaseDirectory);
}
