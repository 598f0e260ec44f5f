// Process-wide settings: threads, seeds, generators, determinism, CUDA and version facts.
#include "shim.h"
#include <torch/cuda.h>
#include <ATen/Parallel.h>
#include <cstring>
#include <dlfcn.h>

using namespace lavae;

namespace {
// OpenBLAS runs its own thread pool under libtorch's intra-op threads; with both at the core count
// they oversubscribe the machine (measured on 2 cores: 486 images/s against 1147 with BLAS on one
// thread). libtorch already parallelises around its BLAS calls, so BLAS gets one thread. Looked up
// at run time because the BLAS behind libblas.so.3 may not be OpenBLAS at all.
void set_openblas_threads(int n) {
  using SetThreads = void (*)(int);
  if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(n);
}
}  // namespace

LAVAE_API int lavae_set_num_threads(int n) {
  return guard([&] {
    at::set_num_threads(n);
    set_openblas_threads(1);
  });
}

LAVAE_API int lavae_get_num_threads() { return at::get_num_threads(); }

LAVAE_API int lavae_manual_seed(uint64_t seed) {
  return guard([&] { torch::manual_seed(seed); });
}

LAVAE_API int lavae_set_deterministic(int enabled) {
  return guard([&] {
    at::globalContext().setDeterministicAlgorithms(enabled != 0, /*warn_only=*/false);
    at::globalContext().setDeterministicCuDNN(enabled != 0);
    at::globalContext().setBenchmarkCuDNN(false);
  });
}

LAVAE_API int lavae_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }

LAVAE_API int lavae_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }

LAVAE_API int lavae_cuda_synchronize(int device_index) {
  return guard([&] { torch::cuda::synchronize(device_index); });
}

LAVAE_API const char* lavae_torch_version() { return TORCH_VERSION; }

// Writes libtorch's build configuration (BLAS, CUDA, compiler) into buffer, truncated to capacity.
LAVAE_API int lavae_torch_config(char* buffer, int capacity) {
  return guard([&] {
    const std::string config = at::show_config();
    const size_t n = std::min(config.size(), static_cast<size_t>(capacity - 1));
    std::memcpy(buffer, config.data(), n);
    buffer[n] = '\0';
  });
}

LAVAE_API GeneratorHandle lavae_generator_new(uint64_t seed, int device_type, int device_index) {
  GeneratorHandle result = nullptr;
  guard([&] {
    at::Generator g = device_type == 0 ? at::detail::createCPUGenerator(seed)
                                       : at::globalContext().defaultGenerator(device_of(device_type, device_index)).clone();
    g.set_current_seed(seed);
    result = new at::Generator(g);
  });
  return result;
}

LAVAE_API void lavae_generator_free(GeneratorHandle g) { delete g; }

// The generator's full state as a uint8 tensor (for resumable training).
LAVAE_API TensorHandle lavae_generator_get_state(GeneratorHandle g) {
  return make([&] { return g->get_state(); });
}

LAVAE_API int lavae_generator_set_state(GeneratorHandle g, TensorHandle state) {
  return guard([&] { g->set_state(*state); });
}
