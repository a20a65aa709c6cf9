// Marks one symbol-version requirement of ELF shared objects as weak (VER_FLG_WEAK), so that the dynamic loader
// accepts a system C++ runtime that lacks it. Used for TorchSharp's libLibTorchSharp.so, whose only GLIBCXX_3.4.32
// reference is a `.globl std::ios_base_library_init()` that GCC 13's <iostream> emits and nothing calls
// (see ../shared/PLATFORM.md). Idempotent; does nothing where the system libstdc++ already defines the version.
//
// One file, two users: MSBuild's RoslynCodeTaskFactory compiles all of it (TorchNative.targets, netstandard2.0, the
// task class patches the build output), and the library compiles the pure part, ElfVersionPatch, as a linked file
// (LOTTERY_TICKETS_LIBRARY defined, no MSBuild dependency): TorchNatives uses it to patch a copy for package users.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
#if !LOTTERY_TICKETS_LIBRARY
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using LotteryTickets.Hardware;

public sealed class ElfWeakVersion : Task
{
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return true;
        string? runtime = ElfVersionPatch.FindSystemLibStdCxx();
        if (runtime is null)
        {
            Log.LogMessage(MessageImportance.Low, "ElfWeakVersion: no libstdc++.so.6 found; nothing to do.");
            return true;
        }
        if (ElfVersionPatch.Defines(runtime, VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"ElfWeakVersion: {runtime} defines {VersionName}; nothing to do.");
            return true;
        }
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            try
            {
                int changed = ElfVersionPatch.Patch(path, VersionName);
                if (changed > 0)
                    Log.LogMessage(MessageImportance.High, $"ElfWeakVersion: marked {VersionName} weak in {path} ({runtime} lacks it).");
            }
            catch (Exception e)
            {
                Log.LogError($"ElfWeakVersion: could not patch {path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }
}
#endif

namespace LotteryTickets.Hardware
{
    /// <summary>The pure ELF work: find the system C++ runtime, ask whether it defines a symbol version, mark a
    /// version requirement weak.</summary>
    internal static class ElfVersionPatch
    {
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlgWeak = 0x2;

        /// <summary>The libstdc++.so.6 the dynamic loader would pick (LD_LIBRARY_PATH first), or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            var dirs = new List<string>();
            foreach (var d in (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(':'))
                if (d.Length > 0) dirs.Add(d);
            dirs.AddRange(new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                                  "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" });
            foreach (var d in dirs)
            {
                string p = Path.Combine(d, "libstdc++.so.6");
                if (File.Exists(p)) return p;
            }
            return null;
        }

        /// <summary>Whether the shared object at <paramref name="path"/> names the version (e.g. GLIBCXX_3.4.32).</summary>
        public static bool Defines(string path, string versionName) =>
            Contains(File.ReadAllBytes(path), Encoding.ASCII.GetBytes(versionName + "\0"));

        static bool Contains(byte[] hay, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= hay.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && hay[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return false;
        }

        /// <summary>Returns how many requirements were changed (0 when already weak or absent).</summary>
        public static int Patch(string path, string versionName)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (b[4] != 2 || b[5] != 1) throw new InvalidDataException("only 64-bit little-endian ELF is supported");
            long shoff = BitConverter.ToInt64(b, 0x28);
            int shentsize = BitConverter.ToUInt16(b, 0x3A);
            int shnum = BitConverter.ToUInt16(b, 0x3C);
            int changed = 0;
            for (int s = 0; s < shnum; s++)
            {
                long sh = shoff + (long)s * shentsize;
                if (BitConverter.ToUInt32(b, (int)sh + 4) != ShtGnuVerneed) continue;
                long off = BitConverter.ToInt64(b, (int)sh + 24);
                int link = (int)BitConverter.ToUInt32(b, (int)sh + 40);
                int count = (int)BitConverter.ToUInt32(b, (int)sh + 44);
                long strOff = BitConverter.ToInt64(b, (int)(shoff + (long)link * shentsize) + 24);
                long vn = off;
                for (int n = 0; n < count; n++)
                {
                    int cnt = BitConverter.ToUInt16(b, (int)vn + 2);
                    long aux = vn + BitConverter.ToUInt32(b, (int)vn + 8);
                    for (int a = 0; a < cnt; a++)
                    {
                        ushort flags = BitConverter.ToUInt16(b, (int)aux + 4);
                        string name = ReadString(b, strOff + BitConverter.ToUInt32(b, (int)aux + 8));
                        if (name == versionName && (flags & VerFlgWeak) == 0)
                        {
                            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(b, (int)aux + 4);
                            changed++;
                        }
                        aux += BitConverter.ToUInt32(b, (int)aux + 12);
                    }
                    vn += BitConverter.ToUInt32(b, (int)vn + 12);
                }
            }
            if (changed > 0)
            {
                // Write beside the target, then move over it: never a half-written library.
                string tmp = path + ".weak-" + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllBytes(tmp, b);
                // Keep the copy's timestamp: MSBuild then sees the file as up to date and does not copy over it again on
                // the next build (an in-place overwrite of a library that a running notebook kernel has mapped could crash it).
                DateTime stamp = File.GetLastWriteTimeUtc(path);
                File.Replace(tmp, path, null);
                File.SetLastWriteTimeUtc(path, stamp);
            }
            return changed;
        }

        static string ReadString(byte[] b, long at)
        {
            int end = (int)at;
            while (b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
        }
    }
}
