using System.Security.Cryptography;
using System.Text;

namespace LaVae.Training;

/// <summary>
/// Independent, reproducible random streams from one experiment seed: every consumer (a model's
/// initialisation, a stage's epoch, an augmentation set) gets its own seed derived from a label.
/// Because an epoch's shuffle and noise depend only on (seed, stage, epoch), a resumed run draws
/// exactly what an uninterrupted one would, with no generator state to save.
/// </summary>
public static class Seeds
{
    public static ulong Derive(ulong seed, string label)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}/{label}")));
        return BitConverter.ToUInt64(bytes, 0);
    }
}
