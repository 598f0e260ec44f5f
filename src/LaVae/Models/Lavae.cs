using LaVae.Torch;

namespace LaVae.Models;

/// <summary>
/// LAVAE: one encoder, one latent map per augmentation of the pair, and decoder heads that share
/// the latent space (head 0 is trained with the encoder in stage 1; transfer heads in stage 3).
/// </summary>
public sealed class Lavae : nn.Module
{
    private readonly List<ConvDecoder> heads = [];
    private readonly ModelShape shape;

    public Lavae(ModelShape shape, IReadOnlyList<string> augmentations, LatentMapKind mapKind, Generator generator, Device device)
        : base(nameof(Lavae))
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(augmentations);
        this.shape = shape;
        Device = device;
        Encoder = new ConvEncoder(shape, conditionSize: 0, generator, device);
        register_module("encoder", Encoder);
        AddHead(generator);
        Maps = augmentations.Select((name, k) => Register($"map{k + 1}", CreateMap(mapKind, name, shape.Latent, generator, device))).ToArray();
    }

    public Device Device { get; }

    public ConvEncoder Encoder { get; }

    public IReadOnlyList<ConvDecoder> Heads => heads;

    /// <summary>Maps[0] is L1 (for A1), Maps[1] is L2 (for A2).</summary>
    public IReadOnlyList<ILatentMap> Maps { get; }

    /// <summary>A new decoder head over the shared latent space (stage 3's θ_T).</summary>
    public ConvDecoder AddHead(Generator generator)
    {
        var head = new ConvDecoder(shape, conditionSize: 0, generator, Device);
        register_module($"decoder{heads.Count}", head);
        heads.Add(head);
        return head;
    }

    public (Tensor Mu, Tensor LogVar) Encode(Tensor x) => Encoder.forward(x);

    public Tensor Decode(Tensor z, int head = 0) => heads[head].forward(z);

    /// <summary>z·L_k.</summary>
    public Tensor Augment(Tensor z, int k) => Maps[k].Apply(z);

    /// <summary>z·L1·L2: "A1 then A2", never trained explicitly.</summary>
    public Tensor Compose(Tensor z) => Maps[1].Apply(Maps[0].Apply(z));

    /// <summary>z·L2·L1: the maps in the other order.</summary>
    public Tensor ReverseCompose(Tensor z) => Maps[0].Apply(Maps[1].Apply(z));

    /// <summary>z·L_k⁻¹.</summary>
    public Tensor Invert(Tensor z, int k) => Linear(k).Invert(z);

    /// <summary>z·L_k·L_k, the authors' shortcut that assumes L_k is an involution.</summary>
    public Tensor InvertInvolutory(Tensor z, int k) => Linear(k).InvertInvolutory(z);

    /// <summary>Undoes the composition: (z·L1·L2)·L2⁻¹·L1⁻¹.</summary>
    public Tensor InvertCompose(Tensor z) => Linear(0).Invert(Linear(1).Invert(z));

    /// <summary>Applies L_k <paramref name="times"/> times (the paper's recursion, Fig. 5).</summary>
    public Tensor Recurse(Tensor z, int k, int times)
    {
        for (var i = 0; i < times; i++)
        {
            z = Augment(z, k);
        }

        return z;
    }

    private LatentMap Linear(int k) => Maps[k] as LatentMap
        ?? throw new InvalidOperationException($"the map for {Maps[k].Augmentation} is non-linear and has no inverse");

    private ILatentMap Register(string name, nn.Module<Tensor, Tensor> map)
    {
        register_module(name, map);
        return (ILatentMap)map;
    }

    private static nn.Module<Tensor, Tensor> CreateMap(LatentMapKind kind, string augmentation, int latent, Generator generator, Device device) => kind switch
    {
        LatentMapKind.Linear => new LatentMap(augmentation, latent, generator, device),
        LatentMapKind.Mlp => new MlpLatentMap(augmentation, latent, generator, device),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown latent map kind"),
    };
}

public enum LatentMapKind
{
    /// <summary>A latent×latent matrix, z·L (the paper's method).</summary>
    Linear,

    /// <summary>The MLP ablation.</summary>
    Mlp,
}
