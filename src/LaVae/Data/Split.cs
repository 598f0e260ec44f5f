namespace LaVae.Data;

/// <summary>Train: the 60,000 training images. Test: the 10,000 test images (files named t10k-*).</summary>
public enum Split
{
    Train,
    Test,
}
