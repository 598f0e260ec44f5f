using System.Runtime.InteropServices;

namespace LaVae.Torch.Interop;

/// <summary>Turns the shim's failure signals (null handle, non-zero status) into exceptions.</summary>
internal static class Check
{
    public static IntPtr Handle(IntPtr handle) => handle == IntPtr.Zero ? throw LastError() : handle;

    public static void Status(int status)
    {
        if (status != 0)
        {
            throw LastError();
        }
    }

    private static TorchException LastError()
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.lavae_last_error());
        NativeMethods.lavae_clear_error();
        return new TorchException(string.IsNullOrEmpty(message) ? "libtorch call failed without a message" : message.Trim());
    }
}
