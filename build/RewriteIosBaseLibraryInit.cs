#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// See TorchSharpNative.targets for why. ELF64 little-endian only (linux-x64); anything unexpected
// leaves the file untouched with a warning, so a future TorchSharp cannot be damaged by it.
public sealed class RewriteIosBaseLibraryInit : Task
{
    private const string NewSymbol = "_ZSt21ios_base_library_initv";
    private const string OldSymbol = "_ZNSt8ios_base4InitC1Ev";
    private const string NewVersion = "GLIBCXX_3.4.32";
    private const string OldVersion = "GLIBCXX_3.4";
    private const uint DynSym = 11, VerNeed = 0x6ffffffe, VerSym = 0x6fffffff;
    private const ushort WeakVersion = 2;

    [Required]
    public string Library { get; set; } = "";

    public override bool Execute()
    {
        var bytes = File.ReadAllBytes(Library);
        string? why = Rewrite(bytes);
        if (why == null)
        {
            var temporary = Library + ".rewriting";
            File.WriteAllBytes(temporary, bytes);
            File.Copy(temporary, Library, overwrite: true);
            File.Delete(temporary);
            Log.LogMessage(MessageImportance.Low, $"{Library}: {NewSymbol} now binds to {OldSymbol}");
        }
        else if (why.Length > 0)
        {
            Log.LogWarning($"{Library}: left as it is ({why}); on a system whose libstdc++ predates GCC 13 it will not load");
        }

        return true;
    }

    /// <summary>Null when rewritten, "" when there was nothing to do, else why it was left alone.</summary>
    private static string? Rewrite(byte[] b)
    {
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F' || b[4] != 2 || b[5] != 1)
        {
            return "not a 64-bit little-endian ELF file";
        }

        var sections = new List<(uint Type, long Offset, long Size, uint Link, uint Info)>();
        long sectionTable = I64(b, 0x28);
        int entrySize = U16(b, 0x3A), count = U16(b, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var o = sectionTable + (i * entrySize);
            sections.Add((U32(b, o + 4), I64(b, o + 24), I64(b, o + 32), U32(b, o + 40), U32(b, o + 44)));
        }

        var dynsym = sections.Find(s => s.Type == DynSym);
        var versym = sections.Find(s => s.Type == VerSym);
        var verneed = sections.Find(s => s.Type == VerNeed);
        if (dynsym.Size == 0 || versym.Size == 0 || verneed.Size == 0)
        {
            return "no dynamic symbol versions";
        }

        var strings = sections[(int)dynsym.Link].Offset;
        var versionIndex = new Dictionary<string, (ushort Index, long Entry)>();
        var file = verneed.Offset;
        for (var f = 0u; f < verneed.Info; f++)
        {
            var aux = file + U32(b, file + 8);
            for (var a = 0; a < U16(b, file + 2); a++)
            {
                versionIndex[Text(b, strings + U32(b, aux + 8))] = (U16(b, aux + 6), aux);
                aux += U32(b, aux + 12);
            }

            file += U32(b, file + 12);
        }

        if (!versionIndex.TryGetValue(NewVersion, out var newVersion))
        {
            return "";
        }

        if (!versionIndex.TryGetValue(OldVersion, out var oldVersion))
        {
            return $"it needs no {OldVersion}";
        }

        var symbolCount = dynsym.Size / 24;
        var users = 0;
        long nameOffset = -1;
        var symbol = -1L;
        for (var i = 0L; i < symbolCount; i++)
        {
            var name = U32(b, dynsym.Offset + (i * 24));
            if (U16(b, versym.Offset + (2 * i)) == newVersion.Index)
            {
                users++;
                if (Text(b, strings + name) == NewSymbol)
                {
                    (symbol, nameOffset) = (i, name);
                }
            }
        }

        if (users == 0)
        {
            return "";
        }

        if (symbol < 0 || users != 1)
        {
            return $"{users} symbols need {NewVersion}, expected only {NewSymbol}";
        }

        // The new name is written over the old one: no other string may start inside it.
        for (var i = 0L; i < symbolCount; i++)
        {
            var name = U32(b, dynsym.Offset + (i * 24));
            if (name > nameOffset && name <= nameOffset + NewSymbol.Length)
            {
                return "its symbol name shares bytes with another name";
            }
        }

        var replacement = Encoding.ASCII.GetBytes(OldSymbol + "\0");
        replacement.CopyTo(b, strings + nameOffset);
        WriteU16(b, versym.Offset + (2 * symbol), oldVersion.Index);
        WriteU16(b, newVersion.Entry + 4, WeakVersion);
        return null;
    }

    private static string Text(byte[] b, long offset)
    {
        var end = Array.IndexOf(b, (byte)0, (int)offset);
        return Encoding.ASCII.GetString(b, (int)offset, end - (int)offset);
    }

    // Little-endian by hand: inline tasks compile against netstandard, which has no BinaryPrimitives.
    private static ushort U16(byte[] b, long o) => (ushort)(b[o] | (b[o + 1] << 8));

    private static uint U32(byte[] b, long o) => U16(b, o) | ((uint)U16(b, o + 2) << 16);

    private static long I64(byte[] b, long o) => U32(b, o) | ((long)U32(b, o + 4) << 32);

    private static void WriteU16(byte[] b, long o, ushort value)
    {
        b[o] = (byte)value;
        b[o + 1] = (byte)(value >> 8);
    }
}
