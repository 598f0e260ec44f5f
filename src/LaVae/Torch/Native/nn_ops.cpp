// Neural-network functions, with PyTorch's argument conventions.
#include "shim.h"

using namespace lavae;
namespace F = torch::nn::functional;

LAVAE_API TensorHandle lavae_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias,
                                    const int64_t* stride, const int64_t* padding, const int64_t* dilation,
                                    int64_t groups) {
  return make([&] {
    return at::conv2d(*input, *weight, optional_tensor(bias), ints(stride, 2), ints(padding, 2), ints(dilation, 2),
                      groups);
  });
}

LAVAE_API TensorHandle lavae_conv_transpose2d(TensorHandle input, TensorHandle weight, TensorHandle bias,
                                              const int64_t* stride, const int64_t* padding,
                                              const int64_t* output_padding, int64_t groups,
                                              const int64_t* dilation) {
  return make([&] {
    return at::conv_transpose2d(*input, *weight, optional_tensor(bias), ints(stride, 2), ints(padding, 2),
                                ints(output_padding, 2), groups, ints(dilation, 2));
  });
}

LAVAE_API TensorHandle lavae_linear(TensorHandle input, TensorHandle weight, TensorHandle bias) {
  return make([&] { return at::linear(*input, *weight, optional_tensor(bias)); });
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
LAVAE_API TensorHandle lavae_binary_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight,
                                                  int reduction) {
  return make([&] { return at::binary_cross_entropy(*input, *target, optional_tensor(weight), reduction); });
}

LAVAE_API TensorHandle lavae_mse_loss(TensorHandle input, TensorHandle target, int reduction) {
  return make([&] { return at::mse_loss(*input, *target, reduction); });
}

LAVAE_API TensorHandle lavae_interpolate_bilinear(TensorHandle input, int64_t height, int64_t width,
                                                  int align_corners, int antialias) {
  return make([&] {
    auto options = F::InterpolateFuncOptions()
                       .size(std::vector<int64_t>{height, width})
                       .mode(torch::kBilinear)
                       .align_corners(align_corners != 0)
                       .antialias(antialias != 0);
    return F::interpolate(*input, options);
  });
}

// mode: 0 bilinear, 1 nearest, 2 bicubic; padding: 0 zeros, 1 border, 2 reflection (PyTorch's enums).
LAVAE_API TensorHandle lavae_grid_sample(TensorHandle input, TensorHandle grid, int mode, int padding_mode,
                                         int align_corners) {
  return make([&] { return at::grid_sampler(*input, *grid, mode, padding_mode, align_corners != 0); });
}

LAVAE_API TensorHandle lavae_affine_grid(TensorHandle theta, const int64_t* size, int ndim, int align_corners) {
  return make([&] { return at::affine_grid_generator(*theta, ints(size, ndim), align_corners != 0); });
}

// mode: 0 constant, 1 reflect, 2 replicate, 3 circular; pads as torch.nn.functional.pad (last dim first).
LAVAE_API TensorHandle lavae_pad(TensorHandle input, const int64_t* pads, int count, int mode, double value) {
  return make([&] {
    auto options = F::PadFuncOptions(std::vector<int64_t>(pads, pads + count)).value(value);
    switch (mode) {
      case 0: options.mode(torch::kConstant); break;
      case 1: options.mode(torch::kReflect); break;
      case 2: options.mode(torch::kReplicate); break;
      case 3: options.mode(torch::kCircular); break;
      default: TORCH_CHECK(false, "unknown padding mode ", mode);
    }
    return F::pad(*input, options);
  });
}

LAVAE_API TensorHandle lavae_max_pool2d(TensorHandle input, const int64_t* kernel, const int64_t* stride,
                                        const int64_t* padding, const int64_t* dilation, int ceil_mode) {
  return make([&] {
    return at::max_pool2d(*input, ints(kernel, 2), ints(stride, 2), ints(padding, 2), ints(dilation, 2),
                          ceil_mode != 0);
  });
}
