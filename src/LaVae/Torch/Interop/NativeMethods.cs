using System.Runtime.InteropServices;

namespace LaVae.Torch.Interop;

// The shim's flat C surface (src/LaVae/Torch/Native/*.cpp). Tensor-returning functions return
// IntPtr.Zero on failure and int-returning ones non-zero; Check turns either into a TorchException.
// Required tensors travel as SafeHandles (the marshaller keeps them alive for the call); optional
// ones and arrays of handles as raw pointers, kept alive by the caller.
internal static unsafe partial class NativeMethods
{
    private const string Shim = "lavae_shim";

    [LibraryImport(Shim)] internal static partial IntPtr lavae_last_error();
    [LibraryImport(Shim)] internal static partial void lavae_clear_error();

    [LibraryImport(Shim)] internal static partial void lavae_tensor_free(IntPtr t);
    [LibraryImport(Shim)] internal static partial int lavae_tensor_info(TensorHandle t, out int dtype, out int deviceType, out int deviceIndex, out int requiresGrad, out int ndim, long* shape, int capacity);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_from_data(void* data, long* shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial int lavae_copy_to(TensorHandle t, void* buffer, long nbytes);
    [LibraryImport(Shim)] internal static partial int lavae_item(TensorHandle t, out double value);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_eye(long n, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_rand(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, IntPtr generator);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_randn(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, IntPtr generator);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_randint(long low, long high, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, IntPtr generator);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_randperm(long n, int deviceType, int deviceIndex, IntPtr generator);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_to(TensorHandle t, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_clone(TensorHandle t);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_contiguous(TensorHandle t);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_alias(TensorHandle t);

    [LibraryImport(Shim)] internal static partial IntPtr lavae_reshape(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_view(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_expand(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_repeat(TensorHandle t, long* repeats, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_select(TensorHandle t, long dim, long index);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_gather(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_cat(IntPtr* tensors, int count, long dim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_stack(IntPtr* tensors, int count, long dim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_permute(TensorHandle t, long* dims, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_transpose(TensorHandle t, long dim0, long dim1);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_flip(TensorHandle t, long* dims, int ndim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_rot90(TensorHandle t, long k, long dim0, long dim1);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_squeeze(TensorHandle t, long dim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_flatten(TensorHandle t, long startDim, long endDim);

    [LibraryImport(Shim)] internal static partial IntPtr lavae_binary(int op, TensorHandle a, TensorHandle b);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_binary_scalar(int op, TensorHandle a, double s, int integral);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_unary(int op, TensorHandle a);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_clamp(TensorHandle t, double min, double max, int hasMin, int hasMax);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_reduce(int op, TensorHandle t, long* dims, int ndims, int keepdim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_std(TensorHandle t, long* dims, int ndims, int unbiased, int keepdim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_argmax(TensorHandle t, long dim, int hasDim, int keepdim);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_cumsum(TensorHandle t, long dim);

    [LibraryImport(Shim)] internal static partial IntPtr lavae_conv2d(TensorHandle input, TensorHandle weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_conv_transpose2d(TensorHandle input, TensorHandle weight, IntPtr bias, long* stride, long* padding, long* outputPadding, long groups, long* dilation);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_linear(TensorHandle input, TensorHandle weight, IntPtr bias);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_binary_cross_entropy(TensorHandle input, TensorHandle target, IntPtr weight, int reduction);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_mse_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_interpolate_bilinear(TensorHandle input, long height, long width, int alignCorners, int antialias);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_grid_sample(TensorHandle input, TensorHandle grid, int mode, int paddingMode, int alignCorners);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_affine_grid(TensorHandle theta, long* size, int ndim, int alignCorners);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_pad(TensorHandle input, long* pads, int count, int mode, double value);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_max_pool2d(TensorHandle input, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);

    [LibraryImport(Shim)] internal static partial IntPtr lavae_inverse(TensorHandle t);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_solve(TensorHandle a, TensorHandle b);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_det(TensorHandle t);
    [LibraryImport(Shim)] internal static partial int lavae_svd(TensorHandle t, out IntPtr u, out IntPtr s, out IntPtr vh);
    [LibraryImport(Shim)] internal static partial int lavae_eigh(TensorHandle t, out IntPtr values, out IntPtr vectors);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_norm(TensorHandle t, double p, long* dims, int ndims, int keepdim);

    [LibraryImport(Shim)] internal static partial int lavae_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Shim)] internal static partial int lavae_backward(TensorHandle t, IntPtr gradient);
    [LibraryImport(Shim)] internal static partial int lavae_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Shim)] internal static partial int lavae_clear_grad(TensorHandle t);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_detach(TensorHandle t);
    [LibraryImport(Shim)] internal static partial int lavae_grad_enabled();
    [LibraryImport(Shim)] internal static partial void lavae_set_grad_enabled(int enabled);
    [LibraryImport(Shim)] internal static partial int lavae_set_data(TensorHandle t, TensorHandle source);
    [LibraryImport(Shim)] internal static partial int lavae_inplace(int op, TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Shim)] internal static partial int lavae_inplace_scalar(int op, TensorHandle t, double value);
    [LibraryImport(Shim)] internal static partial int lavae_addcmul_(TensorHandle t, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Shim)] internal static partial int lavae_addcdiv_(TensorHandle t, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Shim)] internal static partial int lavae_uniform_(TensorHandle t, double from, double to, IntPtr generator);
    [LibraryImport(Shim)] internal static partial int lavae_normal_(TensorHandle t, double mean, double std, IntPtr generator);

    [LibraryImport(Shim)] internal static partial int lavae_set_num_threads(int n);
    [LibraryImport(Shim)] internal static partial int lavae_get_num_threads();
    [LibraryImport(Shim)] internal static partial int lavae_manual_seed(ulong seed);
    [LibraryImport(Shim)] internal static partial int lavae_set_deterministic(int enabled);
    [LibraryImport(Shim)] internal static partial int lavae_cuda_is_available();
    [LibraryImport(Shim)] internal static partial int lavae_cuda_device_count();
    [LibraryImport(Shim)] internal static partial int lavae_cuda_synchronize(int deviceIndex);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_torch_version();
    [LibraryImport(Shim)] internal static partial int lavae_torch_config(byte* buffer, int capacity);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_generator_new(ulong seed, int deviceType, int deviceIndex);
    [LibraryImport(Shim)] internal static partial void lavae_generator_free(IntPtr g);
    [LibraryImport(Shim)] internal static partial IntPtr lavae_generator_get_state(GeneratorHandle g);
    [LibraryImport(Shim)] internal static partial int lavae_generator_set_state(GeneratorHandle g, TensorHandle state);
}
