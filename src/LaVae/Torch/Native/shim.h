// The flat C surface of LaVae's libtorch binding.
// Every exported function catches every C++ exception: functions returning a tensor handle
// return nullptr on failure, functions returning int return 0 on success and 1 on failure;
// either way lavae_last_error() then holds libtorch's message. Nothing here may abort.
#pragma once
#include <torch/torch.h>
#include <string>

#define LAVAE_API extern "C" __attribute__((visibility("default")))

using TensorHandle = at::Tensor*;
using GeneratorHandle = at::Generator*;

namespace lavae {

void set_error(const char* message);

// Runs f, turning any exception into the thread's last error.
template <class F>
int guard(F&& f) {
  try {
    f();
    return 0;
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception");
  }
  return 1;
}

// Runs f, which yields a tensor, and hands it out as a new heap handle.
template <class F>
TensorHandle make(F&& f) {
  TensorHandle result = nullptr;
  guard([&] { result = new at::Tensor(f()); });
  return result;
}

inline at::Device device_of(int type, int index) {
  return type == 0 ? at::Device(at::kCPU) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int dtype, int device_type, int device_index) {
  return at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)).device(device_of(device_type, device_index));
}

inline c10::optional<at::Generator> generator(GeneratorHandle g) {
  return g == nullptr ? c10::nullopt : c10::optional<at::Generator>(*g);
}

inline c10::optional<at::Tensor> optional_tensor(TensorHandle t) {
  return t == nullptr ? c10::nullopt : c10::optional<at::Tensor>(*t);
}

inline at::IntArrayRef ints(const int64_t* values, int count) { return at::IntArrayRef(values, static_cast<size_t>(count)); }

}  // namespace lavae
