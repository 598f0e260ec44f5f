// Neural-network functions, with PyTorch's argument conventions.
#include "shim.h"

using namespace lavae;
namespace F = torch::nn::functional;

namespace {
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// A transposed convolution computed as the gradients of an ordinary convolution, which it is:
// its output is conv2d's input gradient, its input gradient is conv2d itself, and its weight
// gradient is conv2d's weight gradient with the roles of input and output swapped. libtorch's CPU
// conv_transpose2d takes a slow im2col/col2im path where conv2d's gradients take the fast one
// (measured with Debian's libtorch 1.13, one thread, batch 64, the decoder's 128->64 layer: forward
// 26 ms against 5.4 ms, backward 102 ms against 11 ms). For a layer with few output channels (the
// decoder's last, 64->1) the stock forward is the faster one (0.5 ms against 2.4 ms), so it is kept
// there. Used for groups 1, dilation 1 and no output padding (the models' layers); other cases
// keep libtorch's own operator. The bias is added outside, where autograd's sum is its gradient.
constexpr int64_t kGradientForwardMinChannels = 16;

struct TransposedConvolution : public torch::autograd::Function<TransposedConvolution> {
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& input, const at::Tensor& weight,
                            std::vector<int64_t> stride, std::vector<int64_t> padding) {
    ctx->save_for_backward({input, weight});
    ctx->saved_data["stride"] = stride;
    ctx->saved_data["padding"] = padding;
    if (weight.size(1) < kGradientForwardMinChannels) return at::conv_transpose2d(input, weight, c10::nullopt, stride, padding);
    // conv2d's input gradient reads only the input's sizes: a broadcast scalar stands in for it.
    const int64_t height = (input.size(2) - 1) * stride[0] - 2 * padding[0] + weight.size(2);
    const int64_t width = (input.size(3) - 1) * stride[1] - 2 * padding[1] + weight.size(3);
    const auto shape = at::empty({1, 1, 1, 1}, input.options()).expand({input.size(0), weight.size(1), height, width});
    return std::get<0>(at::convolution_backward(input.contiguous(), shape, weight, c10::nullopt, stride, padding, {1, 1},
                                                /*transposed=*/false, {0, 0}, /*groups=*/1, {true, false, false}));
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto& input = saved[0];
    const auto& weight = saved[1];
    const auto stride = ctx->saved_data["stride"].toIntVector();
    const auto padding = ctx->saved_data["padding"].toIntVector();
    const auto grad = grads[0].contiguous();
    at::Tensor grad_input, grad_weight;
    if (ctx->needs_input_grad(0)) grad_input = at::conv2d(grad, weight, {}, stride, padding);
    if (ctx->needs_input_grad(1)) {
      grad_weight = std::get<1>(at::convolution_backward(input, grad, weight, c10::nullopt, stride, padding, {1, 1},
                                                         /*transposed=*/false, {0, 0}, /*groups=*/1, {false, true, false}));
    }
    return {grad_input, grad_weight, at::Tensor(), at::Tensor()};
  }
};
}  // namespace

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
    const bool plain = groups == 1 && dilation[0] == 1 && dilation[1] == 1 && output_padding[0] == 0 &&
                       output_padding[1] == 0;
    if (plain) {
      auto output = TransposedConvolution::apply(*input, *weight, ints(stride, 2).vec(), ints(padding, 2).vec());
      return bias ? output + bias->view({1, -1, 1, 1}) : output;
    }
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
