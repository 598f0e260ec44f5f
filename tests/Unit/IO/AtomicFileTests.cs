using LaVae.IO;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.IO;

/// <summary>An atomic write leaves the old or the new file, and cleans up after a write that was killed.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_write_deletes_the_temporary_files_a_killed_write_of_the_same_file_left_an_hour_ago()
    {
        var path = folder.File("checkpoint.safetensors");
        var abandoned = folder.File(".checkpoint.safetensors.0123456789abcdef0123456789abcdef.part");
        var recent = folder.File(".checkpoint.safetensors.fedcba9876543210fedcba9876543210.part");
        var otherFiles = folder.File(".results.json.0123456789abcdef0123456789abcdef.part");
        foreach (var temp in new[] { abandoned, recent, otherFiles })
        {
            File.WriteAllBytes(temp, [1]);
        }

        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(otherFiles, DateTime.UtcNow.AddHours(-2));

        AtomicFile.WriteAllText(path, "new");

        File.ReadAllText(path).Should().Be("new");
        File.Exists(abandoned).Should().BeFalse("a killed process's temporary file is cleaned up by the next write of its file");
        File.Exists(recent).Should().BeTrue("a younger one may belong to a process still writing");
        File.Exists(otherFiles).Should().BeTrue("another file's temporary files are its own writes' business");
    }
}
