namespace LaVae.Torch.Modules;

/// <summary>
/// A tree of named parameters, buffers and sub-modules, as torch.nn.Module: names are dotted paths
/// ("encoder.conv1.weight") so state dicts line up with PyTorch's.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Tensor Tensor)> buffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters() => Walk(m => m.parameters);

    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers() => Walk(m => m.buffers);

    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor).ToList();

    /// <summary>Parameters and buffers by name, in registration order.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() =>
        NamedParameters().Concat(NamedBuffers()).ToDictionary(p => p.Name, p => p.Tensor);

    /// <summary>
    /// Copies values into this module's tensors. Every name must exist on both sides with the same
    /// shape and dtype; otherwise nothing is copied and the error lists what differs.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var problems = new List<string>();
        problems.AddRange(own.Keys.Except(state.Keys).Select(name => $"missing '{name}'"));
        problems.AddRange(state.Keys.Except(own.Keys).Select(name => $"unexpected '{name}'"));
        foreach (var (name, target) in own)
        {
            if (state.TryGetValue(name, out var source))
            {
                var (ts, ss) = (target.Shape, source.Shape);
                if (!ts.SequenceEqual(ss) || target.DType != source.DType)
                {
                    problems.Add($"'{name}': expected {target.DType}[{string.Join(",", ts)}], found {source.DType}[{string.Join(",", ss)}]");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"state does not fit {GetType().Name}: {string.Join("; ", problems)}");
        }

        using var noGrad = Engine.NoGrad();
        foreach (var (name, target) in own)
        {
            target.CopyFrom(state[name]);
        }
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, keeping their identities.</summary>
    public void To(Device device)
    {
        using var noGrad = Engine.NoGrad();
        foreach (var (_, tensor) in NamedParameters().Concat(NamedBuffers()))
        {
            using var moved = tensor.To(device).DetachFromScope();
            tensor.SetData(moved);
        }
    }

    public void RequiresGrad(bool enabled)
    {
        foreach (var p in Parameters())
        {
            p.RequiresGrad = enabled;
        }
    }

    public void Dispose()
    {
        foreach (var (_, child) in children)
        {
            child.Dispose();
        }

        foreach (var (_, tensor) in parameters.Concat(buffers))
        {
            tensor.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected Tensor RegisterParameter(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.DetachFromScope().RequiresGrad = true;
        parameters.Add((name, value));
        return value;
    }

    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        buffers.Add((name, value.DetachFromScope()));
        return value;
    }

    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        children.Add((name, module));
        return module;
    }

    private IEnumerable<(string Name, Tensor Tensor)> Walk(Func<Module, List<(string Name, Tensor Tensor)>> select)
    {
        foreach (var entry in select(this))
        {
            yield return entry;
        }

        foreach (var (prefix, child) in children)
        {
            foreach (var (name, tensor) in child.Walk(select))
            {
                yield return ($"{prefix}.{name}", tensor);
            }
        }
    }
}
