namespace LaVae.Models;

/// <summary>The four aligned sets of a pair, in the order the CVAE's one-hot uses.</summary>
public enum AugClass
{
    Orig = 0,
    Aug1 = 1,
    Aug2 = 2,
    Compose = 3,
}
