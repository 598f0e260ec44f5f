namespace LaVae.Torch;

/// <summary>
/// Which BLAS the process loaded. Debian's libtorch links the generic libblas.so.3, which the
/// alternatives system may point at the slow reference implementation (measured 5.6x slower
/// training steps than OpenBLAS), so LaVae looks at what is actually mapped.
/// </summary>
public static class Blas
{
    /// <summary>The path of the loaded BLAS library, or null when none is mapped (e.g. MKL linked statically).</summary>
    public static string? LoadedLibrary()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }

        return File.ReadLines(maps)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .FirstOrDefault(path => path.Contains("libblas", StringComparison.Ordinal) || path.Contains("libopenblas", StringComparison.Ordinal));
    }

    /// <summary>True when the mapped BLAS is the reference implementation (Debian's /usr/lib/*/blas/).</summary>
    public static bool IsReferenceBlas(string? path) =>
        path is not null && path.Contains("/blas/libblas", StringComparison.Ordinal);

    /// <summary>A warning to print, or null when the BLAS in use is fine.</summary>
    public static string? SlowBlasWarning()
    {
        var path = LoadedLibrary();
        return IsReferenceBlas(path)
            ? $"warning: libtorch is using the slow reference BLAS ({path}); install libopenblas0 (apt-get install libopenblas0) for about 5x faster training."
            : null;
    }
}
