// Linear algebra for the latent maps: inverses, solves, decompositions, norms.
#include "shim.h"

using namespace lavae;

LAVAE_API TensorHandle lavae_inverse(TensorHandle t) {
  return make([&] { return at::linalg_inv(*t); });
}

LAVAE_API TensorHandle lavae_solve(TensorHandle a, TensorHandle b) {
  return make([&] { return at::linalg_solve(*a, *b); });
}

LAVAE_API TensorHandle lavae_det(TensorHandle t) {
  return make([&] { return at::linalg_det(*t); });
}

LAVAE_API int lavae_svd(TensorHandle t, TensorHandle* u, TensorHandle* s, TensorHandle* vh) {
  return guard([&] {
    auto [uu, ss, vv] = at::linalg_svd(*t, /*full_matrices=*/false);
    *u = new at::Tensor(uu);
    *s = new at::Tensor(ss);
    *vh = new at::Tensor(vv);
  });
}

LAVAE_API int lavae_eigh(TensorHandle t, TensorHandle* values, TensorHandle* vectors) {
  return guard([&] {
    auto [vals, vecs] = at::linalg_eigh(*t);
    *values = new at::Tensor(vals);
    *vectors = new at::Tensor(vecs);
  });
}

// p-norm over dims (all elements when ndims == 0); p = 2 over two dims is the Frobenius norm.
LAVAE_API TensorHandle lavae_norm(TensorHandle t, double p, const int64_t* dims, int ndims, int keepdim) {
  return make([&] {
    return ndims == 0 ? at::linalg_vector_norm(*t, p)
                      : at::linalg_vector_norm(*t, p, ints(dims, ndims), keepdim != 0);
  });
}
