namespace LaVae.Torch.Optimizers;

/// <summary>
/// A first-order optimizer over a fixed parameter list. Per-parameter moment tensors and the step
/// count make up its state, which checkpoints save so a resumed run continues the same trajectory.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Tensor[][] moments;

    protected Optimizer(IReadOnlyList<Tensor> parameters, int momentsPerParameter)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        moments = parameters
            .Select(p => Enumerable.Range(0, momentsPerParameter)
                .Select(_ => zeros(p.shape, p.dtype, p.device).DetachFromDisposeScope())
                .ToArray())
            .ToArray();
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Number of steps taken (PyTorch's state['step']).</summary>
    public long StepCount { get; private set; }

    protected abstract IReadOnlyList<string> MomentNames { get; }

    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.grad = null; // set_to_none, as PyTorch's zero_grad()
        }
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var grad = Parameters[i].grad;
            if (grad is not null)
            {
                Update(Parameters[i], grad, moments[i], StepCount);
            }
        }
    }

    /// <summary>
    /// "step" and "{index}.{moment}" tensors, for checkpoints. The moments are the live state; the
    /// "step" tensor is new and belongs to the caller's dispose scope.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor> { ["step"] = tensor(new[] { StepCount }) };
        for (var i = 0; i < moments.Length; i++)
        {
            for (var m = 0; m < moments[i].Length; m++)
            {
                state[$"{i}.{MomentNames[m]}"] = moments[i][m];
            }
        }

        return state;
    }

    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var noGrad = no_grad();
        for (var i = 0; i < moments.Length; i++)
        {
            for (var m = 0; m < moments[i].Length; m++)
            {
                var name = $"{i}.{MomentNames[m]}";
                if (!state.TryGetValue(name, out var value) || !value.shape.SequenceEqual(moments[i][m].shape))
                {
                    throw new InvalidDataException($"optimizer state '{name}' is missing or has the wrong shape");
                }

                moments[i][m].copy_(value);
            }
        }

        StepCount = state.TryGetValue("step", out var step)
            ? step.ToInt64()
            : throw new InvalidDataException("optimizer state has no 'step'");
    }

    public void Dispose()
    {
        foreach (var tensor in moments.SelectMany(m => m))
        {
            tensor.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Applies one update to <paramref name="parameter"/> in place (called without grad recording).</summary>
    protected abstract void Update(Tensor parameter, Tensor grad, Tensor[] moments, long step);
}
