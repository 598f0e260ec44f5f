namespace LaVae.Training;

/// <summary>
/// A tensor a stage trains on, built on first use and disposed with the stage, so a stage that is
/// already complete never builds it (the union of a pair's four aligned sets, for example).
/// </summary>
internal sealed class StageTensor(Func<Tensor> build) : IDisposable
{
    private readonly Lazy<Tensor> tensor = new(() => build().DetachFromDisposeScope());

    public Tensor Value => tensor.Value;

    public void Dispose()
    {
        if (tensor.IsValueCreated)
        {
            tensor.Value.Dispose();
        }
    }
}
