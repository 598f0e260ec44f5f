namespace LaVae.Cli.Rendering;

/// <summary>Whether to draw live progress (a terminal) or print plain lines (CI, pipes, files).</summary>
internal static class Interactive
{
    public static bool IsTerminal =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
