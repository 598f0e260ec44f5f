namespace LaVae.Torch;

/// <summary>A libtorch call failed; the message is libtorch's own.</summary>
public sealed class TorchException : Exception
{
    public TorchException()
    {
    }

    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
