// Elementwise arithmetic, comparisons, reductions and matrix products.
#include "shim.h"

using namespace lavae;

namespace {
// Codes shared with LaVae.Torch.BinaryOp / UnaryOp / ReduceOp in C#.
enum Binary { Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, And, Or, Remainder, Atan2,
              ReverseSub, ReverseDiv, FloorDivide };
enum Unary { Neg, Exp, Log, Sqrt, Abs, Round, Floor, Ceil, Sign, Relu, Sigmoid, Tanh, Not, Sin, Cos, Reciprocal,
             Square, Log1p, IsNan, IsFinite };
enum Reduce { Sum, Mean, Amax, Amin, Prod };

at::Tensor binary(int op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case Add: return a + b;
    case Sub: return a - b;
    case Mul: return a * b;
    case Div: return a / b;
    case Pow: return a.pow(b);
    case Maximum: return at::maximum(a, b);
    case Minimum: return at::minimum(a, b);
    case Eq: return a.eq(b);
    case Ne: return a.ne(b);
    case Lt: return a.lt(b);
    case Le: return a.le(b);
    case Gt: return a.gt(b);
    case Ge: return a.ge(b);
    case And: return a.logical_and(b);
    case Or: return a.logical_or(b);
    case Remainder: return a.remainder(b);
    case Atan2: return a.atan2(b);
    case ReverseSub: return b - a;
    case ReverseDiv: return b / a;
    case FloorDivide: return a.div(b, "floor");
  }
  TORCH_CHECK(false, "unknown binary op code ", op);
}

at::Tensor binary_scalar(int op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case Add: return a + s;
    case Sub: return a - s;
    case Mul: return a * s;
    case Div: return a / s;
    case Pow: return a.pow(s);
    case Eq: return a.eq(s);
    case Ne: return a.ne(s);
    case Lt: return a.lt(s);
    case Le: return a.le(s);
    case Gt: return a.gt(s);
    case Ge: return a.ge(s);
    case Remainder: return a.remainder(s);
    case ReverseSub: return at::rsub(a, s);
    case ReverseDiv: return a.reciprocal() * s;
    case FloorDivide: return a.div(s, "floor");
    case Maximum: return at::clamp_min(a, s);
    case Minimum: return at::clamp_max(a, s);
  }
  TORCH_CHECK(false, "binary op code ", op, " has no scalar form");
}

at::Tensor unary(int op, const at::Tensor& a) {
  switch (op) {
    case Neg: return a.neg();
    case Exp: return a.exp();
    case Log: return a.log();
    case Sqrt: return a.sqrt();
    case Abs: return a.abs();
    case Round: return a.round();
    case Floor: return a.floor();
    case Ceil: return a.ceil();
    case Sign: return a.sign();
    case Relu: return a.relu();
    case Sigmoid: return a.sigmoid();
    case Tanh: return a.tanh();
    case Not: return a.logical_not();
    case Sin: return a.sin();
    case Cos: return a.cos();
    case Reciprocal: return a.reciprocal();
    case Square: return a.square();
    case Log1p: return a.log1p();
    case IsNan: return a.isnan();
    case IsFinite: return a.isfinite();
  }
  TORCH_CHECK(false, "unknown unary op code ", op);
}
}  // namespace

LAVAE_API TensorHandle lavae_binary(int op, TensorHandle a, TensorHandle b) {
  return make([&] { return binary(op, *a, *b); });
}

// integral != 0 passes s as an int64 scalar, so integer tensors keep their dtype.
LAVAE_API TensorHandle lavae_binary_scalar(int op, TensorHandle a, double s, int integral) {
  return make([&] {
    return binary_scalar(op, *a, integral ? at::Scalar(static_cast<int64_t>(s)) : at::Scalar(s));
  });
}

LAVAE_API TensorHandle lavae_unary(int op, TensorHandle a) {
  return make([&] { return unary(op, *a); });
}

LAVAE_API TensorHandle lavae_clamp(TensorHandle t, double min, double max, int has_min, int has_max) {
  return make([&] {
    return at::clamp(*t, has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                     has_max ? c10::optional<at::Scalar>(max) : c10::nullopt);
  });
}

LAVAE_API TensorHandle lavae_where(TensorHandle condition, TensorHandle a, TensorHandle b) {
  return make([&] { return at::where(*condition, *a, *b); });
}

LAVAE_API TensorHandle lavae_matmul(TensorHandle a, TensorHandle b) {
  return make([&] { return at::matmul(*a, *b); });
}

// dims with ndims == 0 reduces over all elements.
LAVAE_API TensorHandle lavae_reduce(int op, TensorHandle t, const int64_t* dims, int ndims, int keepdim) {
  return make([&] {
    const bool all = ndims == 0;
    const auto d = ints(dims, ndims);
    switch (op) {
      case Sum: return all ? t->sum() : t->sum(d, keepdim != 0);
      case Mean: return all ? t->mean() : t->mean(d, keepdim != 0);
      case Amax: return all ? t->max() : t->amax(d, keepdim != 0);
      case Amin: return all ? t->min() : t->amin(d, keepdim != 0);
      case Prod:
        TORCH_CHECK(ndims <= 1, "prod reduces over one dimension at a time");
        return all ? t->prod() : t->prod(dims[0], keepdim != 0);
    }
    TORCH_CHECK(false, "unknown reduction code ", op);
  });
}

LAVAE_API TensorHandle lavae_std(TensorHandle t, const int64_t* dims, int ndims, int unbiased, int keepdim) {
  return make([&] {
    return ndims == 0 ? t->std(unbiased != 0) : t->std(ints(dims, ndims), unbiased != 0, keepdim != 0);
  });
}

LAVAE_API TensorHandle lavae_argmax(TensorHandle t, int64_t dim, int has_dim, int keepdim) {
  return make([&] {
    return at::argmax(*t, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0);
  });
}

LAVAE_API TensorHandle lavae_cumsum(TensorHandle t, int64_t dim) {
  return make([&] { return t->cumsum(dim); });
}
