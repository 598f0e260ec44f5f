using LaVae.Torch.Interop;

namespace LaVae.Torch;

// Codes shared with tensor_math.cpp.
internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, And, Or, Remainder, Atan2,
    ReverseSub, ReverseDiv, FloorDivide,
}

internal enum UnaryOp
{
    Neg, Exp, Log, Sqrt, Abs, Round, Floor, Ceil, Sign, Relu, Sigmoid, Tanh, Not, Sin, Cos, Reciprocal,
    Square, Log1p, IsNan, IsFinite,
}

public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => a.Binary(BinaryOp.Add, b);

    public static Tensor operator -(Tensor a, Tensor b) => a.Binary(BinaryOp.Sub, b);

    public static Tensor operator *(Tensor a, Tensor b) => a.Binary(BinaryOp.Mul, b);

    public static Tensor operator /(Tensor a, Tensor b) => a.Binary(BinaryOp.Div, b);

    public static Tensor operator +(Tensor a, double s) => a.Scalar(BinaryOp.Add, s);

    public static Tensor operator -(Tensor a, double s) => a.Scalar(BinaryOp.Sub, s);

    public static Tensor operator *(Tensor a, double s) => a.Scalar(BinaryOp.Mul, s);

    public static Tensor operator /(Tensor a, double s) => a.Scalar(BinaryOp.Div, s);

    public static Tensor operator +(double s, Tensor a) => a.Scalar(BinaryOp.Add, s);

    public static Tensor operator -(double s, Tensor a) => a.Scalar(BinaryOp.ReverseSub, s);

    public static Tensor operator *(double s, Tensor a) => a.Scalar(BinaryOp.Mul, s);

    public static Tensor operator /(double s, Tensor a) => a.Scalar(BinaryOp.ReverseDiv, s);

    public static Tensor operator -(Tensor a) => a.Unary(UnaryOp.Neg);

    /// <summary>Adds an integer keeping an integer tensor's dtype (uint8 wraps around, as in PyTorch).</summary>
    public Tensor AddInteger(long value) => new(NativeMethods.lavae_binary_scalar((int)BinaryOp.Add, Handle, value, integral: 1));

    /// <summary>Remainder by an integer keeping an integer tensor's dtype.</summary>
    public Tensor RemainderInteger(long value) => new(NativeMethods.lavae_binary_scalar((int)BinaryOp.Remainder, Handle, value, integral: 1));

    public Tensor Pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);

    public Tensor Pow(double exponent) => Scalar(BinaryOp.Pow, exponent);

    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, other);

    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, other);

    public Tensor Remainder(double divisor) => Scalar(BinaryOp.Remainder, divisor);

    public Tensor FloorDivide(double divisor) => Scalar(BinaryOp.FloorDivide, divisor);

    public Tensor Atan2(Tensor other) => Binary(BinaryOp.Atan2, other);

    public Tensor Eq(Tensor other) => Binary(BinaryOp.Eq, other);

    public Tensor Ne(Tensor other) => Binary(BinaryOp.Ne, other);

    public Tensor Lt(Tensor other) => Binary(BinaryOp.Lt, other);

    public Tensor Le(Tensor other) => Binary(BinaryOp.Le, other);

    public Tensor Gt(Tensor other) => Binary(BinaryOp.Gt, other);

    public Tensor Ge(Tensor other) => Binary(BinaryOp.Ge, other);

    public Tensor Eq(double value) => Scalar(BinaryOp.Eq, value);

    public Tensor Ne(double value) => Scalar(BinaryOp.Ne, value);

    public Tensor Lt(double value) => Scalar(BinaryOp.Lt, value);

    public Tensor Le(double value) => Scalar(BinaryOp.Le, value);

    public Tensor Gt(double value) => Scalar(BinaryOp.Gt, value);

    public Tensor Ge(double value) => Scalar(BinaryOp.Ge, value);

    public Tensor LogicalAnd(Tensor other) => Binary(BinaryOp.And, other);

    public Tensor LogicalOr(Tensor other) => Binary(BinaryOp.Or, other);

    public Tensor LogicalNot() => Unary(UnaryOp.Not);

    public Tensor Exp() => Unary(UnaryOp.Exp);

    public Tensor Log() => Unary(UnaryOp.Log);

    public Tensor Log1p() => Unary(UnaryOp.Log1p);

    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);

    public Tensor Square() => Unary(UnaryOp.Square);

    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);

    public Tensor Abs() => Unary(UnaryOp.Abs);

    /// <summary>Rounds half to even, as torch.round.</summary>
    public Tensor Round() => Unary(UnaryOp.Round);

    public Tensor Floor() => Unary(UnaryOp.Floor);

    public Tensor Ceil() => Unary(UnaryOp.Ceil);

    public Tensor Sign() => Unary(UnaryOp.Sign);

    public Tensor Sin() => Unary(UnaryOp.Sin);

    public Tensor Cos() => Unary(UnaryOp.Cos);

    public Tensor Relu() => Unary(UnaryOp.Relu);

    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);

    public Tensor Tanh() => Unary(UnaryOp.Tanh);

    public Tensor IsNan() => Unary(UnaryOp.IsNan);

    public Tensor IsFinite() => Unary(UnaryOp.IsFinite);

    public Tensor Clamp(double? min = null, double? max = null) =>
        new(NativeMethods.lavae_clamp(Handle, min ?? 0, max ?? 0, min.HasValue ? 1 : 0, max.HasValue ? 1 : 0));

    /// <summary>Elementwise <paramref name="condition"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>.</summary>
    public static Tensor Where(Tensor condition, Tensor whenTrue, Tensor whenFalse) =>
        new(NativeMethods.lavae_where(condition.Handle, whenTrue.Handle, whenFalse.Handle));

    public Tensor MatMul(Tensor other) => new(NativeMethods.lavae_matmul(Handle, other.Handle));

    private Tensor Binary(BinaryOp op, Tensor other) => new(NativeMethods.lavae_binary((int)op, Handle, other.Handle));

    private Tensor Scalar(BinaryOp op, double value) => new(NativeMethods.lavae_binary_scalar((int)op, Handle, value, integral: 0));

    private Tensor Unary(UnaryOp op) => new(NativeMethods.lavae_unary((int)op, Handle));
}
