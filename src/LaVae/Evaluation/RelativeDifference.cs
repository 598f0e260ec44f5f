using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// How far one batch of vectors or images lies from a reference batch, relative to the reference's
/// size: mean_i ‖a_i − r_i‖ / mean_i ‖r_i‖ (each row flattened, Euclidean norm). Zero means equal;
/// about 1.4 is what two unrelated digits of the same brightness give. A scalar tensor on the
/// inputs' device, so callers read it once, at the end.
/// </summary>
public static class RelativeDifference
{
    public static Tensor Of(Tensor a, Tensor reference)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(reference);
        var difference = (a - reference).flatten(1).norm(1).mean();
        return difference / reference.flatten(1).norm(1).mean();
    }
}
