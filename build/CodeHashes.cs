#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// See CodeHash.targets for where these hashes go. This file is compiled twice: by MSBuild's
// RoslynCodeTaskFactory (against netstandard 2.0, hence no newer API here) and into tests/Unit,
// which checks the hashes against the stamp.

/// <summary>
/// The two hashes of src/LaVae that artifact and result keys carry: <see cref="Compute"/>'s Training
/// covers the folders that decide trained weights, its Library all of src/LaVae. Each is a SHA-256
/// over the covered files, in ordinal order of their path relative to src/LaVae (bin and obj left
/// out), of each path and that file's digest: a C# file's tokens (<see cref="CSharpTokenDigest"/>),
/// any other file's bytes.
/// </summary>
public static class CodeHashes
{
    /// <summary>The folders of src/LaVae whose code decides trained weights.</summary>
    public static readonly IReadOnlyList<string> TrainingFolders = new[] { "Torch", "Data", "Augmentations", "Models", "Training" };

    /// <summary>C# source, and the fonts the assembly embeds (they draw the figures).</summary>
    private static readonly string[] HashedExtensions = { ".cs", ".ttf" };

    private static readonly string[] BuildOutputFolders = { "bin", "obj" };

    public static (string Training, string Library) Compute(string libraryFolder)
    {
        var paths = RelativePaths(libraryFolder);
        var digests = new byte[paths.Count][];
        Parallel.For(0, paths.Count, i => digests[i] = FileDigest(Path.Combine(libraryFolder, paths[i])));
        var files = paths.Zip(digests, (path, digest) => (Path: path, Digest: digest)).ToList();
        var training = files.Where(file => TrainingFolders.Any(folder => file.Path.StartsWith(folder + "/", StringComparison.Ordinal)));
        return (Combine(training), Combine(files));
    }

    private static byte[] FileDigest(string path) =>
        path.EndsWith(".cs", StringComparison.Ordinal) ? CSharpTokenDigest.Of(File.ReadAllText(path)) : Sha256(File.ReadAllBytes(path));

    private static string Combine(IEnumerable<(string Path, byte[] Digest)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, digest) in files)
        {
            HashedText.Append(hash, path);
            hash.AppendData(digest);
        }

        return string.Concat(hash.GetHashAndReset().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>Covered files under the folder, by '/'-separated relative path, in ordinal order.</summary>
    private static List<string> RelativePaths(string libraryFolder)
    {
        var paths = new List<string>();
        var pending = new Stack<(string Folder, string Prefix)>();
        pending.Push((libraryFolder, ""));
        while (pending.Count > 0)
        {
            var (folder, prefix) = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (HashedExtensions.Contains(Path.GetExtension(name), StringComparer.Ordinal))
                {
                    paths.Add(prefix + name);
                }
            }

            foreach (var subfolder in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(subfolder);
                if (!BuildOutputFolders.Contains(name, StringComparer.Ordinal))
                {
                    pending.Push((subfolder, prefix + name + "/"));
                }
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private static byte[] Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes);
    }
}

/// <summary>
/// SHA-256 of a C# file's tokens as Roslyn parses them, so that only what can change the compiled
/// program counts: comments (//, ///, /* */), whitespace and line ends are trivia and left out;
/// identifiers, keywords, literals (with the whitespace inside strings), attributes and
/// preprocessor directives count.
/// </summary>
public static class CSharpTokenDigest
{
    // DocumentationMode.None: /// comments stay plain comments rather than structured trivia.
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None);

    public static byte[] Of(string source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var token in CSharpSyntaxTree.ParseText(source, Options).GetRoot().DescendantTokens())
        {
            AppendTrivia(hash, token.LeadingTrivia);
            HashedText.Append(hash, TokenText(token));
            AppendTrivia(hash, token.TrailingTrivia);
        }

        return hash.GetHashAndReset();
    }

    private static void AppendTrivia(IncrementalHash hash, SyntaxTriviaList trivia)
    {
        foreach (var piece in trivia)
        {
            // Directives (#if, #pragma, #nullable, ...) and tokens the parser skipped count by their
            // tokens, so spacing and a trailing comment in them do not.
            if (piece.HasStructure)
            {
                foreach (var token in piece.GetStructure()!.DescendantTokens())
                {
                    HashedText.Append(hash, TokenText(token));
                }
            }

            // Code under an #if branch that this parse, which defines no symbols, takes as inactive
            // may well be compiled (the build defines RELEASE, NET10_0 and so on), so it counts too,
            // by its tokens like any other code.
            else if (piece.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                foreach (var token in SyntaxFactory.ParseTokens(piece.ToFullString(), options: Options))
                {
                    HashedText.Append(hash, TokenText(token));
                }
            }
        }
    }

    private static string TokenText(SyntaxToken token)
    {
        var text = token.Text;

        // A multi-line raw string's value leaves out the indentation of its closing quotes, so
        // reindenting the code around it changes nothing: count its delimiters and value. (An
        // interpolated one counts by its text, indentation included: LaVae has none.)
        if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken))
        {
            var opening = text.Substring(0, text.IndexOf('\n')).TrimEnd();
            var closing = text.Substring(text.LastIndexOf('\n') + 1).TrimStart();
            text = opening + "\n" + token.ValueText + "\n" + closing;
        }

        // A line break inside a multi-line literal counts as \n whatever the checkout has. It does
        // reach the string's value, but git's core.autocrlf, not the author, decides it, and the
        // hash must not differ between machines.
        return text.Replace("\r\n", "\n");
    }
}

/// <summary>Text into a hash with its UTF-8 length (little-endian) in front, so that "a","b" and "ab" differ.</summary>
internal static class HashedText
{
    public static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(new[] { (byte)bytes.Length, (byte)(bytes.Length >> 8), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 24) });
        hash.AppendData(bytes);
    }
}

// tests/Unit compiles this file without MSBuild to derive a task from.
#if !CODE_HASHES_WITHOUT_MSBUILD_TASK
/// <summary>The MSBuild task CodeHash.targets runs when src/LaVae changed.</summary>
public sealed class ComputeCodeHashes : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required]
    public string LibraryFolder { get; set; } = "";

    [Microsoft.Build.Framework.Output]
    public string TrainingHash { get; set; } = "";

    [Microsoft.Build.Framework.Output]
    public string LibraryHash { get; set; } = "";

    public override bool Execute()
    {
        (TrainingHash, LibraryHash) = CodeHashes.Compute(LibraryFolder);
        return true;
    }
}
#endif
