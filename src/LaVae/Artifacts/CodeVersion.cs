using System.Reflection;

namespace LaVae.Artifacts;

/// <summary>
/// Hashes of this library's source, stamped into the assembly at build time by build/CodeHash.targets
/// (computed by build/CodeHashes.cs): <see cref="Training"/> covers what decides trained weights
/// (Torch, Data, Augmentations, Models, Training; not DataFetching, whose files are MD5-checked, nor Benchmarks); <see cref="Library"/> covers all of src/LaVae, so
/// stored measurements are redone whenever measuring code may have changed. C# files count by their
/// tokens: comments and whitespace between tokens change neither.
/// </summary>
public static class CodeVersion
{
    public static string Training { get; } = Read("LaVae.TrainingCodeHash");

    public static string Library { get; } = Read("LaVae.LibraryCodeHash");

    private static string Read(string key) =>
        typeof(CodeVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        is { Length: 64 } hash
            ? hash
            : throw new InvalidOperationException($"the LaVae assembly carries no {key}; it was not built with build/CodeHash.targets");
}
