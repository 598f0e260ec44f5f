using LaVae.Artifacts;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>
/// The code hashes stamped into LaVae (build/CodeHashes.cs) change with what can change the compiled
/// program and with nothing else, and the stamp is what that code computes for this checkout.
/// </summary>
public class CodeHashTests
{
    private const string Sample = """"
        using System;

        namespace Sample;

        [Obsolete("old")]
        public static class Shapes
        {
        #if DEBUG
            public const int Debugging = 1;
        #endif
            private const string Padded = "a  b";
            private const string Style = """
                body { margin: 0; }
                """;

            public static string Describe(int sides) => $"{sides} sides, {Padded}";

            public static int Twice(int x) => x * 2;
        }
        """";

    /// <summary>Edits that leave the program as it is.</summary>
    private static readonly Dictionary<string, Func<string, string>> LayoutEdits = new()
    {
        ["line comments"] = s => s.Replace("    public static int", "    // why it doubles\n    public static int", StringComparison.Ordinal),
        ["doc comments"] = s => s.Replace("[Obsolete", "/// <summary>Shapes.</summary>\n[Obsolete", StringComparison.Ordinal),
        ["block comments"] = s => s.Replace("x * 2", "x /* twice */ * 2", StringComparison.Ordinal),
        ["a comment after a directive"] = s => s.Replace("#endif", "#endif // DEBUG", StringComparison.Ordinal),
        ["trailing comments"] = s => s.Replace("[Obsolete(\"old\")]", "[Obsolete(\"old\")] // kept for callers", StringComparison.Ordinal),
        ["reindenting"] = s => string.Join('\n', s.Split('\n').Select(line => "    " + line)),
        ["spaces between tokens"] = s => s.Replace("x * 2", "x*2", StringComparison.Ordinal).Replace("(int sides)", "( int sides )", StringComparison.Ordinal),
        ["CRLF line ends"] = s => s.Replace("\n", "\r\n", StringComparison.Ordinal),
        ["blank lines"] = s => s.Replace(";\n", ";\n\n\n", StringComparison.Ordinal),
    };

    /// <summary>Edits that change the program (or may: code under an #if branch).</summary>
    private static readonly Dictionary<string, Func<string, string>> ProgramEdits = new()
    {
        ["an identifier"] = s => s.Replace("Twice", "Double", StringComparison.Ordinal),
        ["a number"] = s => s.Replace("x * 2", "x * 3", StringComparison.Ordinal),
        ["a string"] = s => s.Replace("sides, ", "faces, ", StringComparison.Ordinal),
        ["whitespace inside a string"] = s => s.Replace("a  b", "a b", StringComparison.Ordinal),
        ["a raw string"] = s => s.Replace("margin: 0", "margin:  0", StringComparison.Ordinal),
        ["an attribute"] = s => s.Replace("\"old\"", "\"older\"", StringComparison.Ordinal),
        ["a preprocessor directive"] = s => s.Replace("#if DEBUG", "#if RELEASE", StringComparison.Ordinal),
        ["code under an #if"] = s => s.Replace("Debugging = 1", "Debugging = 2", StringComparison.Ordinal),
        ["two tokens made one"] = s => s.Replace("static int", "staticint", StringComparison.Ordinal),
    };

    public static TheoryData<string> LayoutEditNames => [.. LayoutEdits.Keys];

    public static TheoryData<string> ProgramEditNames => [.. ProgramEdits.Keys];

    private static string Digest(string source) => Convert.ToHexString(CSharpTokenDigest.Of(source));

    [Theory]
    [MemberData(nameof(LayoutEditNames))]
    public void A_C_sharp_files_digest_ignores_comments_and_layout(string edit)
    {
        var edited = LayoutEdits[edit](Sample);

        edited.Should().NotBe(Sample, "the edit must apply to the sample");
        Digest(edited).Should().Be(Digest(Sample), $"{edit} do not change the compiled program");
    }

    [Theory]
    [MemberData(nameof(ProgramEditNames))]
    public void A_C_sharp_files_digest_changes_with_the_program(string edit)
    {
        var edited = ProgramEdits[edit](Sample);

        edited.Should().NotBe(Sample, "the edit must apply to the sample");
        Digest(edited).Should().NotBe(Digest(Sample));
    }

    [Fact]
    public void Training_covers_the_folders_that_decide_weights_and_Library_all_the_source()
    {
        using var library = new TempFolder();
        Write(library, "Training/Trainer.cs", "class Trainer { }");
        Write(library, "Reports/Report.cs", "class Report { }");
        var (training, all) = CodeHashes.Compute(library.Path);

        training.Should().MatchRegex("^[0-9a-f]{64}$");
        all.Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe(training);

        Write(library, "Reports/Report.cs", "class Report { int pages; }");
        var reportEdited = CodeHashes.Compute(library.Path);
        reportEdited.Training.Should().Be(training, "a report is measuring code, not training code");
        reportEdited.Library.Should().NotBe(all);

        Write(library, "Training/Trainer.cs", "class Trainer { int epochs; }");
        CodeHashes.Compute(library.Path).Training.Should().NotBe(training);
    }

    [Fact]
    public void Renaming_or_moving_a_file_changes_the_hashes()
    {
        using var library = new TempFolder();
        Write(library, "Training/Trainer.cs", "class Trainer { }");
        var before = CodeHashes.Compute(library.Path);

        File.Move(library.File("Training/Trainer.cs"), library.File("Training/Teacher.cs"));
        var renamed = CodeHashes.Compute(library.Path);
        Directory.CreateDirectory(library.File("Models"));
        File.Move(library.File("Training/Teacher.cs"), library.File("Models/Teacher.cs"));
        var moved = CodeHashes.Compute(library.Path);

        new[] { before, renamed, moved }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_font_counts_by_its_bytes_and_build_output_and_other_files_do_not_count()
    {
        using var library = new TempFolder();
        Write(library, "Training/Trainer.cs", "class Trainer { }");
        Write(library, "Reports/Fonts/Figure.ttf", "font bytes");
        var before = CodeHashes.Compute(library.Path);

        Write(library, "bin/Release/Generated.cs", "class Generated { }");
        Write(library, "Training/obj/Generated.cs", "class Generated { }");
        Write(library, "Reports/Fonts/README.md", "where the font comes from");
        CodeHashes.Compute(library.Path).Should().Be(before);

        Write(library, "Reports/Fonts/Figure.ttf", "font  bytes");
        CodeHashes.Compute(library.Path).Library.Should().NotBe(before.Library);
    }

    [Fact]
    public void The_stamped_code_versions_are_the_hashes_of_this_checkout()
    {
        CodeHashes.Compute(Path.Combine(RepoRoot.Path, "src", "LaVae")).Should().Be(
            (CodeVersion.Training, CodeVersion.Library),
            "the build stamps what build/CodeHashes.cs computes; a difference means a stale build or an edit since");
    }

    private static void Write(TempFolder folder, string relativePath, string text)
    {
        var path = folder.File(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
