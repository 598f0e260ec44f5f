namespace LaVae.Tests.Unit;

/// <summary>A fresh folder under the system temp folder, deleted with its content on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lavae-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
