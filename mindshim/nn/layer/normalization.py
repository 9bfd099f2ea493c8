"""Normalization layers (``mindspore.nn.layer.normalization``): BatchNorm1d, BatchNorm2d, SyncBatchNorm, LayerNorm,
GroupNorm.

BatchNorm keeps ``moving_mean``/``moving_variance`` (Parameters named 'mean' and 'variance', not trainable). In
training mode it normalizes with the batch statistics and moves the moving ones towards them:
``moving = momentum * moving + (1 - momentum) * batch``, the variance unbiased; in inference it uses the moving
ones. As in MindSpore, the BatchNorm primitive writes the moving statistics (with ``Parameter.set_data``, which
compiled steps capture as new state).
"""
from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ..cell import Cell

__all__ = ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm", "LayerNorm", "GroupNorm", "LRN"]


class _BatchNorm(Cell):
    """Batch normalization over axis 1 (see the module docstring)."""

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones", beta_init="zeros",
                 moving_mean_init="zeros", moving_var_init="ones", use_batch_statistics=None, data_format="NCHW",
                 dtype=mstype.float32):
        super().__init__()
        cls = type(self).__name__
        validator.check_value_type("num_features", num_features, int, cls)
        if num_features < 1:
            raise ValueError(f"For '{cls}', the 'num_features' must be at least 1, but got {num_features}.")
        if momentum < 0 or momentum > 1:
            raise ValueError(f"For '{cls}', the 'momentum' must be a number in range [0, 1], but got {momentum}.")
        self.format = validator.check_string(data_format, ["NCHW", "NHWC"], "format", cls)
        if self.format == "NHWC":
            raise ValueError(f"For '{cls}', the 'NHWC' format only support in GPU target, but got device target CPU.")
        if use_batch_statistics is not None and not isinstance(use_batch_statistics, bool):
            raise ValueError(f"For '{cls}', the 'use_batch_statistics' must be a boolean value or None, but got "
                             f"{use_batch_statistics}.")
        self.use_batch_statistics = use_batch_statistics
        self.num_features = num_features
        self.eps = eps
        self.beta_init, self.gamma_init = beta_init, gamma_init
        self.moving_mean_init, self.moving_var_init = moving_mean_init, moving_var_init
        self.moving_mean = Parameter(initializer(moving_mean_init, num_features, dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer(moving_var_init, num_features, dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype), name="beta", requires_grad=affine)
        self.momentum = 1.0 - momentum
        self.bn_train = ops.BatchNorm(is_training=True, epsilon=self.eps, momentum=self.momentum,
                                      data_format=self.format)
        self.bn_infer = ops.BatchNorm(is_training=False, epsilon=self.eps, data_format=self.format)

    def _check_input_dim(self, ndim):
        raise NotImplementedError

    def construct(self, x):
        self._check_input_dim(x.ndim)
        train = self.training if self.use_batch_statistics is None else self.use_batch_statistics
        if train:
            return self.bn_train(x, self.gamma, self.beta, self.moving_mean, self.moving_variance)[0]
        return self.bn_infer(x, self.gamma, self.beta, self.moving_mean, self.moving_variance)[0]

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={1.0 - self.momentum}, gamma="
                f"{self.gamma}, beta={self.beta}, moving_mean={self.moving_mean}, moving_variance="
                f"{self.moving_variance}")


class BatchNorm1d(_BatchNorm):
    """Batch normalization of ``(N, C)`` or ``(N, C, L)`` input."""

    def _check_input_dim(self, ndim):
        if ndim not in (2, 3):
            raise ValueError(f"For 'BatchNorm1d', the must have 2 dims or 3 dims, but got {ndim}.")


class BatchNorm2d(_BatchNorm):
    """Batch normalization of ``(N, C, H, W)`` input."""

    def _check_input_dim(self, ndim):
        if ndim != 4:
            raise ValueError(f"For 'BatchNorm2d', the in_shape must have 4 dims, but got {ndim}.")


class BatchNorm3d(Cell):
    """Batch normalization of ``(N, C, D, H, W)`` input: a BatchNorm2d (``bn2d``) over ``(N, C, D*H, W)``."""

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones", beta_init="zeros",
                 moving_mean_init="zeros", moving_var_init="ones", use_batch_statistics=None, dtype=mstype.float32):
        super().__init__()
        self.bn2d = BatchNorm2d(num_features=num_features, eps=eps, momentum=momentum, affine=affine,
                                gamma_init=gamma_init, beta_init=beta_init, moving_mean_init=moving_mean_init,
                                moving_var_init=moving_var_init, use_batch_statistics=use_batch_statistics,
                                data_format="NCHW", dtype=dtype)

    def construct(self, x):
        if x.ndim != 5:
            raise ValueError(f"For 'BatchNorm3d', the in_shape must have 5 dims, but got {x.ndim}.")
        n, c, d, h, w = x.shape
        return ops.reshape(self.bn2d(ops.reshape(x, (n, c, d * h, w))), x.shape)


class SyncBatchNorm(_BatchNorm):
    """Batch normalization of ``(N, C)`` or ``(N, C, H, W)`` input with statistics over the whole batch of every
    device of the group. Under mindshim's data parallelism every BatchNorm already normalizes with the global
    batch's statistics (XLA reduces across the mesh), so this is BatchNorm; ``process_groups`` other than the
    whole world are not supported."""

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones", beta_init="zeros",
                 moving_mean_init="zeros", moving_var_init="ones", use_batch_statistics=None, process_groups=None,
                 dtype=mstype.float32):
        if process_groups is not None:
            from ...communication import get_group_size
            size = get_group_size()
            ranks = [r for group in process_groups for r in group]
            bad = next((r for r in ranks if not 0 <= r < size), None)
            if bad is not None:
                raise ValueError(f"For 'SyncBatchNorm', the 'rank id in process_groups' must be in range of "
                                 f"[0, {size}), but got {bad} with type '{type(bad).__name__}'.")
            if sorted(ranks) != list(range(size)) or len(process_groups) != 1:
                raise NotImplementedError("mindspore.nn.SyncBatchNorm with process_groups other than one group of "
                                          "every rank is not supported by mindshim yet.")
        super().__init__(num_features, eps, momentum, affine, gamma_init, beta_init, moving_mean_init,
                         moving_var_init, use_batch_statistics, dtype=dtype)

    def _check_input_dim(self, ndim):
        if ndim not in (2, 4):
            raise ValueError(f"For 'SyncBatchNorm', the must have 2 dims or 4 dims, but got {ndim}.")


class LayerNorm(Cell):
    """Normalize over the axes from ``begin_norm_axis``; ``gamma``/``beta`` of ``normalized_shape``."""

    def __init__(self, normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init="ones",
                 beta_init="zeros", epsilon=1e-7, dtype=mstype.float32):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For 'LayerNorm', the type of 'normalized_shape' must be tuple[int] or list[int], but got "
                            f"{normalized_shape} and the type is {type(normalized_shape)}.")
        if not normalized_shape:
            raise ValueError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
                             f"element, but got normalized_shape = {normalized_shape}")
        self.normalized_shape = normalized_shape
        self.begin_norm_axis = begin_norm_axis
        self.begin_params_axis = begin_params_axis
        self.epsilon = epsilon
        self.gamma = Parameter(initializer(gamma_init, normalized_shape, dtype), name="gamma")
        self.beta = Parameter(initializer(beta_init, normalized_shape, dtype), name="beta")
        self.layer_norm = ops.LayerNorm(begin_norm_axis=begin_norm_axis, begin_params_axis=begin_params_axis,
                                        epsilon=epsilon)

    def construct(self, input_x):
        return self.layer_norm(input_x, self.gamma.astype(input_x.dtype), self.beta.astype(input_x.dtype))[0]

    def extend_repr(self):
        # "gamma{}" without '=' is MindSpore's own format.
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma{self.gamma}, beta={self.beta}")


class GroupNorm(Cell):
    """Normalize ``num_groups`` groups of channels of ``(N, C, ...)`` input; per-channel ``gamma``/``beta``."""

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, gamma_init="ones", beta_init="zeros",
                 dtype=mstype.float32):
        super().__init__()
        self.num_groups = validator.check_positive_int(num_groups, "num_groups", "GroupNorm")
        self.num_channels = validator.check_positive_int(num_channels, "num_channels", "GroupNorm")
        if num_channels % num_groups:
            raise ValueError(f"For 'GroupNorm', the 'num_channels' must be divided by 'num_groups', but got "
                             f"'num_channels': {num_channels}, 'num_groups': {num_groups}.")
        self.eps = validator.check_value_type("eps", eps, float, "GroupNorm")
        self.affine = validator.check_bool(affine, "affine", "GroupNorm")
        self.gamma = Parameter(initializer(gamma_init, num_channels, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_channels, dtype), name="beta", requires_grad=affine)

    def construct(self, x):
        return ops.group_norm(x, self.num_groups, self.gamma.astype(x.dtype), self.beta.astype(x.dtype), self.eps)

    def extend_repr(self):
        return f"num_groups={self.num_groups}, num_channels={self.num_channels}"


class LRN(Cell):
    """Local response normalization across channels (the LRN primitive)."""

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
        super().__init__()
        if norm_region != "ACROSS_CHANNELS":
            raise ValueError(f"For 'LRN', the 'norm_region' must be str and must be in '['ACROSS_CHANNELS']', but got "
                             f"'{norm_region}'.")
        self.lrn_op = ops.LRN(depth_radius, bias, alpha, beta, norm_region)

    def construct(self, input_x):
        return self.lrn_op(input_x)
