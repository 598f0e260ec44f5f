using System.Reflection;

namespace LaVae.Tests.Unit.Training;

/// <summary>The built `lavae` command (LaVae.Cli.dll), which the test project builds first in its own configuration.</summary>
internal static class LaVaeCli
{
    public static string AssemblyPath { get; } = typeof(LaVaeCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LaVaeCliAssembly").Value!;
}
