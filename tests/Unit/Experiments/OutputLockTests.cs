using LaVae.IO;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class OutputLockTests
{
    [Fact]
    public void A_second_lock_on_the_same_folder_fails_naming_the_folder_and_the_holder()
    {
        using var folder = new TemporaryFolder();
        using var first = OutputLock.Acquire(folder.Path);

        var second = () => OutputLock.Acquire(folder.Path);

        second.Should().Throw<OutputFolderInUseException>()
            .Where(e => e.Folder == folder.Path)
            .WithMessage($"output folder '{folder.Path}' is in use by another run (PID {Environment.ProcessId} on *); wait for it to finish or choose another folder");
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        using var folder = new TemporaryFolder();
        OutputLock.Acquire(folder.Path).Dispose();

        using var again = OutputLock.Acquire(folder.Path);

        again.Folder.Should().Be(folder.Path);
        File.Exists(Path.Combine(folder.Path, OutputLock.HolderFileName)).Should().BeTrue();
    }

    [Fact]
    public void Locks_on_different_folders_are_independent()
    {
        using var one = new TemporaryFolder();
        using var two = new TemporaryFolder();

        using var first = OutputLock.Acquire(one.Path);
        using var second = OutputLock.Acquire(two.Path);

        second.Folder.Should().Be(two.Path);
    }
}
