// Autograd and the in-place updates optimizers and initialisers make.
#include "shim.h"

using namespace lavae;

LAVAE_API int lavae_set_requires_grad(TensorHandle t, int requires_grad) {
  return guard([&] { t->set_requires_grad(requires_grad != 0); });
}

LAVAE_API int lavae_backward(TensorHandle t, TensorHandle gradient) {
  return guard([&] { t->backward(gradient == nullptr ? at::Tensor() : *gradient); });
}

// *out is nullptr when the tensor has no gradient yet.
LAVAE_API int lavae_grad(TensorHandle t, TensorHandle* out) {
  return guard([&] {
    const auto& g = t->grad();
    *out = g.defined() ? new at::Tensor(g) : nullptr;
  });
}

// As PyTorch's zero_grad(set_to_none=True).
LAVAE_API int lavae_clear_grad(TensorHandle t) {
  return guard([&] { t->mutable_grad().reset(); });
}

LAVAE_API TensorHandle lavae_detach(TensorHandle t) {
  return make([&] { return t->detach(); });
}

LAVAE_API int lavae_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

LAVAE_API void lavae_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

// Replaces the tensor's storage, keeping its identity (for moving parameters between devices).
LAVAE_API int lavae_set_data(TensorHandle t, TensorHandle source) {
  return guard([&] { t->set_data(*source); });
}

namespace {
enum InPlace { Add, Sub, Mul, Div, Copy };
}

LAVAE_API int lavae_inplace(int op, TensorHandle t, TensorHandle other, double alpha) {
  return guard([&] {
    switch (op) {
      case Add: t->add_(*other, alpha); return;
      case Sub: t->sub_(*other, alpha); return;
      case Mul: t->mul_(*other); return;
      case Div: t->div_(*other); return;
      case Copy: t->copy_(*other); return;
    }
    TORCH_CHECK(false, "unknown in-place op code ", op);
  });
}

LAVAE_API int lavae_inplace_scalar(int op, TensorHandle t, double value) {
  return guard([&] {
    switch (op) {
      case Add: t->add_(value); return;
      case Sub: t->sub_(value); return;
      case Mul: t->mul_(value); return;
      case Div: t->div_(value); return;
      case Copy: t->fill_(value); return;
    }
    TORCH_CHECK(false, "unknown in-place op code ", op);
  });
}

LAVAE_API int lavae_addcmul_(TensorHandle t, TensorHandle a, TensorHandle b, double value) {
  return guard([&] { t->addcmul_(*a, *b, value); });
}

LAVAE_API int lavae_addcdiv_(TensorHandle t, TensorHandle a, TensorHandle b, double value) {
  return guard([&] { t->addcdiv_(*a, *b, value); });
}

LAVAE_API int lavae_uniform_(TensorHandle t, double from, double to, GeneratorHandle g) {
  return guard([&] { t->uniform_(from, to, generator(g)); });
}

LAVAE_API int lavae_normal_(TensorHandle t, double mean, double std, GeneratorHandle g) {
  return guard([&] { t->normal_(mean, std, generator(g)); });
}
