// Tensor lifetime, metadata, factories and copies in and out of managed memory.
#include "shim.h"
#include <cstring>

using namespace lavae;

LAVAE_API void lavae_tensor_free(TensorHandle t) { delete t; }

// dtype (c10::ScalarType), device, rank and up to `capacity` sizes in one call.
LAVAE_API int lavae_tensor_info(TensorHandle t, int* dtype, int* device_type, int* device_index,
                                int* requires_grad, int* ndim, int64_t* shape, int capacity) {
  return guard([&] {
    TORCH_CHECK(t->defined(), "the tensor is undefined");
    *dtype = static_cast<int>(t->scalar_type());
    *device_type = t->device().is_cuda() ? 1 : 0;
    *device_index = t->device().has_index() ? t->device().index() : 0;
    *requires_grad = t->requires_grad() ? 1 : 0;
    *ndim = static_cast<int>(t->dim());
    TORCH_CHECK(t->dim() <= capacity, "tensor rank ", t->dim(), " exceeds ", capacity);
    for (int64_t i = 0; i < t->dim(); ++i) shape[i] = t->size(i);
  });
}

LAVAE_API TensorHandle lavae_from_data(const void* data, const int64_t* shape, int ndim, int dtype,
                                       int device_type, int device_index) {
  return make([&] {
    auto cpu = at::empty(ints(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
    std::memcpy(cpu.data_ptr(), data, cpu.nbytes());
    return cpu.to(device_of(device_type, device_index));
  });
}

LAVAE_API int lavae_copy_to(TensorHandle t, void* buffer, int64_t nbytes) {
  return guard([&] {
    auto cpu = t->detach().to(at::kCPU).contiguous();
    TORCH_CHECK(static_cast<int64_t>(cpu.nbytes()) == nbytes, "buffer holds ", nbytes, " bytes, tensor needs ",
                cpu.nbytes());
    std::memcpy(buffer, cpu.data_ptr(), cpu.nbytes());
  });
}

LAVAE_API int lavae_item(TensorHandle t, double* value) {
  return guard([&] { *value = t->item<double>(); });
}

LAVAE_API TensorHandle lavae_full(const int64_t* shape, int ndim, double value, int dtype, int device_type,
                                  int device_index) {
  return make([&] { return at::full(ints(shape, ndim), value, options(dtype, device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_arange(double start, double end, double step, int dtype, int device_type,
                                    int device_index) {
  return make([&] { return at::arange(start, end, step, options(dtype, device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_eye(int64_t n, int dtype, int device_type, int device_index) {
  return make([&] { return at::eye(n, options(dtype, device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_rand(const int64_t* shape, int ndim, int dtype, int device_type, int device_index,
                                  GeneratorHandle g) {
  return make([&] { return at::rand(ints(shape, ndim), generator(g), options(dtype, device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_randn(const int64_t* shape, int ndim, int dtype, int device_type, int device_index,
                                   GeneratorHandle g) {
  return make([&] { return at::randn(ints(shape, ndim), generator(g), options(dtype, device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int dtype,
                                     int device_type, int device_index, GeneratorHandle g) {
  return make([&] {
    return at::randint(low, high, ints(shape, ndim), generator(g), options(dtype, device_type, device_index));
  });
}

LAVAE_API TensorHandle lavae_randperm(int64_t n, int device_type, int device_index, GeneratorHandle g) {
  return make([&] { return at::randperm(n, generator(g), options(static_cast<int>(at::kLong), device_type, device_index)); });
}

LAVAE_API TensorHandle lavae_to(TensorHandle t, int dtype, int device_type, int device_index) {
  return make([&] { return t->to(device_of(device_type, device_index), static_cast<at::ScalarType>(dtype)); });
}

LAVAE_API TensorHandle lavae_clone(TensorHandle t) {
  return make([&] { return t->clone(); });
}

LAVAE_API TensorHandle lavae_contiguous(TensorHandle t) {
  return make([&] { return t->contiguous(); });
}

LAVAE_API TensorHandle lavae_alias(TensorHandle t) {
  return make([&] { return *t; });
}
