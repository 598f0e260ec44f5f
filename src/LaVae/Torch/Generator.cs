using LaVae.Torch.Interop;

namespace LaVae.Torch;

/// <summary>An explicit random generator, so each consumer of randomness has its own seeded stream.</summary>
public sealed class Generator : IDisposable
{
    private readonly GeneratorHandle handle;

    public Generator(ulong seed, Device? device = null)
    {
        Device = device ?? Device.Cpu;
        handle = new GeneratorHandle(Check.Handle(NativeMethods.lavae_generator_new(seed, (int)Device.Type, Device.Index)));
    }

    public Device Device { get; }

    /// <summary>The full generator state (uint8), for checkpoints of resumable runs.</summary>
    public Tensor GetState() => new(NativeMethods.lavae_generator_get_state(Handle));

    public void SetState(Tensor state) => Check.Status(NativeMethods.lavae_generator_set_state(Handle, state.Handle));

    public void Dispose() => handle.Dispose();

    internal static IntPtr Pointer(Generator? generator) => generator is null ? IntPtr.Zero : generator.Handle.DangerousGetHandle();

    private GeneratorHandle Handle => handle.IsClosed ? throw new ObjectDisposedException(nameof(Generator)) : handle;
}
