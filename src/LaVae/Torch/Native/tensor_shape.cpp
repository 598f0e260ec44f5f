// Views, reshaping, indexing and joining.
#include "shim.h"
#include <vector>

using namespace lavae;

LAVAE_API TensorHandle lavae_reshape(TensorHandle t, const int64_t* shape, int ndim) {
  return make([&] { return t->reshape(ints(shape, ndim)); });
}

LAVAE_API TensorHandle lavae_view(TensorHandle t, const int64_t* shape, int ndim) {
  return make([&] { return t->view(ints(shape, ndim)); });
}

LAVAE_API TensorHandle lavae_expand(TensorHandle t, const int64_t* shape, int ndim) {
  return make([&] { return t->expand(ints(shape, ndim)); });
}

LAVAE_API TensorHandle lavae_repeat(TensorHandle t, const int64_t* repeats, int ndim) {
  return make([&] { return t->repeat(ints(repeats, ndim)); });
}

LAVAE_API TensorHandle lavae_narrow(TensorHandle t, int64_t dim, int64_t start, int64_t length) {
  return make([&] { return t->narrow(dim, start, length); });
}

LAVAE_API TensorHandle lavae_select(TensorHandle t, int64_t dim, int64_t index) {
  return make([&] { return t->select(dim, index); });
}

LAVAE_API TensorHandle lavae_index_select(TensorHandle t, int64_t dim, TensorHandle index) {
  return make([&] { return t->index_select(dim, *index); });
}

LAVAE_API TensorHandle lavae_gather(TensorHandle t, int64_t dim, TensorHandle index) {
  return make([&] { return t->gather(dim, *index); });
}

static std::vector<at::Tensor> gather_list(const TensorHandle* tensors, int count) {
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) list.push_back(*tensors[i]);
  return list;
}

LAVAE_API TensorHandle lavae_cat(const TensorHandle* tensors, int count, int64_t dim) {
  return make([&] { return at::cat(gather_list(tensors, count), dim); });
}

LAVAE_API TensorHandle lavae_stack(const TensorHandle* tensors, int count, int64_t dim) {
  return make([&] { return at::stack(gather_list(tensors, count), dim); });
}

LAVAE_API TensorHandle lavae_permute(TensorHandle t, const int64_t* dims, int ndim) {
  return make([&] { return t->permute(ints(dims, ndim)); });
}

LAVAE_API TensorHandle lavae_transpose(TensorHandle t, int64_t dim0, int64_t dim1) {
  return make([&] { return t->transpose(dim0, dim1); });
}

LAVAE_API TensorHandle lavae_flip(TensorHandle t, const int64_t* dims, int ndim) {
  return make([&] { return t->flip(ints(dims, ndim)); });
}

LAVAE_API TensorHandle lavae_rot90(TensorHandle t, int64_t k, int64_t dim0, int64_t dim1) {
  return make([&] { return t->rot90(k, {dim0, dim1}); });
}

LAVAE_API TensorHandle lavae_squeeze(TensorHandle t, int64_t dim) {
  return make([&] { return t->squeeze(dim); });
}

LAVAE_API TensorHandle lavae_unsqueeze(TensorHandle t, int64_t dim) {
  return make([&] { return t->unsqueeze(dim); });
}

LAVAE_API TensorHandle lavae_flatten(TensorHandle t, int64_t start_dim, int64_t end_dim) {
  return make([&] { return t->flatten(start_dim, end_dim); });
}
