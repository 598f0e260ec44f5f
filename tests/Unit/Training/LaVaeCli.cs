using System.Reflection;

namespace LaVae.Tests.Unit.Training;

/// <summary>The built `lavae` command (LaVae.Cli.dll), which the test project builds first in its own configuration.</summary>
internal static class LaVaeCli
{
    public static string AssemblyPath { get; } = typeof(LaVaeCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LaVaeCliAssembly").Value!;

    /// <summary>The dotnet host running these tests (the SDK names it in DOTNET_HOST_PATH), else `dotnet` on the PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
