"""MindSpore's optimizer kernels as pure JAX functions (the update rules of ``ApplyMomentum``, ``SGD``, ``Adam``...).

Each rule takes the arrays of one parameter (the variable, its optimizer state, the gradient) and the
hyper-parameters (arrays or Python numbers), and returns the new variable and state, computed in the
variable's dtype with MindSpore's formulas (which differ from optax's in places: ``Adam`` adds epsilon to
the square root of the uncorrected second moment and folds both bias corrections into the learning rate;
``ApplyRMSProp`` puts epsilon inside the square root; ``ApplyAdagrad`` has no epsilon at all). Nothing
here branches on array values, so the rules run unchanged under ``jax.jit``.
"""
import jax.numpy as jnp


def _like(x, ref):
    """The scalar hyper-parameter ``x`` (a number or a 0-d/1-element array) in ``ref``'s dtype."""
    return jnp.asarray(x).astype(ref.dtype).reshape(())


def apply_momentum(var, accum, lr, grad, momentum, use_nesterov=False):
    """``accum = momentum * accum + grad``; ``var -= lr * accum`` (Nesterov, on GPU/Ascend only:
    ``lr * (grad + momentum * accum)``)."""
    lr, momentum = _like(lr, var), _like(momentum, var)
    accum = accum * momentum + grad
    if use_nesterov:
        return var - (grad * lr + accum * momentum * lr), accum
    return var - accum * lr, accum


def sgd(var, grad, lr, accum, momentum, stat, dampening=0.0, weight_decay=0.0, nesterov=False):
    """MindSpore's ``SGD`` kernel. With ``momentum > 0`` the first step (``stat > 0``) sets ``accum = grad`` and
    clears ``stat``; later steps ``accum = momentum * accum + (1 - dampening) * grad``.
    Returns ``(var, accum, stat)``."""
    lr, momentum = _like(lr, var), _like(momentum, var)
    if weight_decay > 0:
        grad = grad + var * _like(weight_decay, var)
    first = stat > 0
    use_momentum = momentum > 0
    accum = jnp.where(use_momentum, jnp.where(first, grad, accum * momentum + (jnp.ones((), var.dtype)
                                                                              - _like(dampening, var)) * grad), accum)
    # The step reads the new accum itself (where momentum is used it is the new one): so XLA computes it once
    # and updates the state in place, where recomputing it from the old accum would need a copy of that.
    step = grad + accum * momentum if nesterov else accum
    # The cleared stat is a zero computed from the new accum: XLA orders its programs by data dependencies only,
    # so the stat is then written in place after the accum's update read it (else it copies the stat first).
    stat = jnp.where(use_momentum, (accum != accum).astype(stat.dtype) * 0, stat)
    return var - lr * jnp.where(use_momentum, step, grad), accum, stat


def _adam_moments(m, v, grad, beta1, beta2):
    one = jnp.ones((), m.dtype)
    return m + (grad - m) * (one - beta1), v + (grad * grad - v) * (one - beta2)


def adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, eps, grad, use_nesterov=False):
    """MindSpore's ``Adam`` kernel: ``var -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)``."""
    beta1, beta2, eps = _like(beta1, var), _like(beta2, var), _like(eps, var)
    one = jnp.ones((), var.dtype)
    lr_t = _like(lr, var) * jnp.sqrt(one - _like(beta2_power, var)) / (one - _like(beta1_power, var))
    m, v = _adam_moments(m, v, grad, beta1, beta2)
    numerator = m * beta1 + (one - beta1) * grad if use_nesterov else m
    return var - lr_t * numerator / (jnp.sqrt(v) + eps), m, v


def apply_adam_with_amsgrad(var, m, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, eps, grad):
    """MindSpore's ``ApplyAdamWithAmsgradV2``: Adam with ``vhat = max(vhat, v)`` in the denominator."""
    beta1, beta2, eps = _like(beta1, var), _like(beta2, var), _like(eps, var)
    one = jnp.ones((), var.dtype)
    lr_t = _like(lr, var) * jnp.sqrt(one - _like(beta2_power, var)) / (one - _like(beta1_power, var))
    m, v = _adam_moments(m, v, grad, beta1, beta2)
    vhat = jnp.maximum(vhat, v)
    return var - lr_t * m / (jnp.sqrt(vhat) + eps), m, v, vhat


def adam_weight_decay(var, m, v, lr, beta1, beta2, eps, decay, grad):
    """MindSpore's ``AdamWeightDecay`` kernel: ``var -= lr * (m / (sqrt(v) + eps) + decay * var)``, without bias
    correction."""
    beta1, beta2, eps = _like(beta1, var), _like(beta2, var), _like(eps, var)
    m, v = _adam_moments(m, v, grad, beta1, beta2)
    update = m / (jnp.sqrt(v) + eps) + _like(decay, var) * var
    return var - _like(lr, var) * update, m, v


def fused_cast_adam_weight_decay(var, m, v, lr, beta1, beta2, eps, decay, grad, global_norm):
    """MindSpore's ``FusedCastAdamWeightDecay``: :func:`adam_weight_decay` in Float32 on ``grad / global_norm``, the
    (Float16 or Float32) ``var`` cast up and back."""
    grad = grad.astype(jnp.float32) / _like(global_norm, m)
    return adam_weight_decay(var.astype(jnp.float32), m, v, lr, beta1, beta2, eps, decay, grad)


def fused_ada_factor(epsilon, clip_threshold, beta1, beta2t, weight_decay, lr, grad, param, exp_avg, exp_avg_sq_row,
                     exp_avg_sq_col, exp_avg_sq, global_norm=None, enable_scale_parameter=False,
                     enable_first_moment=False, enable_weight_decay=False):
    """MindSpore's ``FusedAdaFactor`` CPU kernel, in Float32: the second moment of ``(grad / global_norm) ** 2 +
    eps[0]`` factored into row and column means over the last two axes (whole for a vector), the update clipped to
    RMS ``clip_threshold``, the learning rate scaled by ``max(eps[1], rms(param))``, an optional first moment and
    decoupled weight decay. Returns a placeholder (zeros, as MindSpore's unwritten output) and the new state."""
    f32, tiny = jnp.float32, jnp.float32(1e-30)
    eps = jnp.asarray(epsilon, f32).reshape(-1)
    clip, b1, b2, wd, lr = (jnp.asarray(v, f32).reshape(()) for v in (clip_threshold, beta1, beta2t, weight_decay, lr))
    scale = 1.0 if global_norm is None else jnp.where(global_norm < tiny, 1.0, 1.0 / jnp.asarray(global_norm, f32))
    g = grad.astype(f32) * scale
    update = g * g + eps[0]
    if param.ndim >= 2:
        row = exp_avg_sq_row.astype(f32) * b2 + jnp.mean(update, -1) * (1 - b2)
        r_factor = jnp.sqrt(row / jnp.maximum(jnp.mean(row, -1, keepdims=True), tiny))
        col = jnp.maximum(exp_avg_sq_col.astype(f32) * b2 + jnp.mean(update, -2) * (1 - b2), tiny)
        update = g / jnp.maximum(r_factor[..., :, None] * jnp.sqrt(col)[..., None, :], tiny)
        sq = exp_avg_sq
    else:
        sq = jnp.maximum(exp_avg_sq.astype(f32) * b2 + update * (1 - b2), tiny)
        update, row, col = g / jnp.sqrt(sq), exp_avg_sq_row, exp_avg_sq_col
    p = param.astype(f32)
    if enable_scale_parameter:
        lr = lr * jnp.maximum(eps[1], jnp.sqrt(jnp.mean(p * p)))
    update = update * (lr / jnp.maximum(jnp.sqrt(jnp.mean(update * update)) / clip, 1.0))
    if enable_first_moment:
        update = exp_avg.astype(f32) * b1 + update * (1 - b1)
        exp_avg = update
    new = p - update - (p * wd * lr if enable_weight_decay else 0)
    return jnp.zeros_like(param), new, exp_avg, row, col, sq


def apply_adagrad(var, accum, lr, grad, update_slots=True):
    """``accum += grad ** 2`` (if ``update_slots``); ``var -= lr * grad / sqrt(accum)``."""
    if update_slots:
        accum = accum + grad * grad
    return var - _like(lr, var) * grad / jnp.sqrt(accum), accum


def apply_rms_prop(var, mean_square, moment, lr, grad, decay, momentum, epsilon):
    """``ms += (grad^2 - ms) * (1 - decay)``; ``moment = momentum * moment + lr * grad / sqrt(ms + eps)``;
    ``var -= moment``."""
    one = jnp.ones((), var.dtype)
    mean_square = mean_square + (grad * grad - mean_square) * (one - _like(decay, var))
    moment = moment * _like(momentum, var) + _like(lr, var) * grad / jnp.sqrt(mean_square + _like(epsilon, var))
    return var - moment, mean_square, moment


def apply_centered_rms_prop(var, mean_grad, mean_square, moment, grad, lr, decay, momentum, epsilon):
    """RMSProp with the variance ``ms - mg^2 + eps`` in the square root (``ApplyCenteredRMSProp``)."""
    one = jnp.ones((), var.dtype)
    keep = one - _like(decay, var)
    mean_grad = mean_grad + (grad - mean_grad) * keep
    mean_square = mean_square + (grad * grad - mean_square) * keep
    denom = jnp.sqrt(mean_square - mean_grad * mean_grad + _like(epsilon, var))
    moment = moment * _like(momentum, var) + _like(lr, var) * grad / denom
    return var - moment, mean_grad, mean_square, moment


def lamb(var, m, v, lr, beta1, beta2, eps, decay, global_step, grad):
    """MindSpore's ``Lamb`` kernel (GPU/Ascend): Adam step with bias correction ``beta^global_step``, plus
    ``decay * var``, scaled by the trust ratio ``||var|| / ||update||`` (1 where either norm is 0), in Float32."""
    f32 = jnp.float32
    var32, grad32 = var.astype(f32), grad.astype(f32)
    beta1, beta2, eps, decay, lr = (jnp.asarray(x).astype(f32).reshape(()) for x in (beta1, beta2, eps, decay, lr))
    one = f32(1)
    m = beta1 * m.astype(f32) + (one - beta1) * grad32
    v = beta2 * v.astype(f32) + (one - beta2) * grad32 * grad32
    step = jnp.asarray(global_step).astype(f32).reshape(())
    update = (m / (one - beta1 ** step)) / (jnp.sqrt(v / (one - beta2 ** step)) + eps) + decay * var32
    w_norm, u_norm = jnp.linalg.norm(var32), jnp.linalg.norm(update)
    ratio = jnp.where((w_norm > 0) & (u_norm > 0), w_norm / jnp.where(u_norm > 0, u_norm, one), one)
    new_var = var32 - ratio * lr * update
    return new_var.astype(var.dtype), m.astype(var.dtype), v.astype(var.dtype)


def adamw(var, m, v, max_v, grad, step, lr, beta1, beta2, eps, weight_decay=0.0, amsgrad=False):
    """The Adam(W) rule of ``mindspore.experimental.optim.AdamW`` and of ``mindspore.mint.optim`` (PyTorch's):
    ``var = var * (1 - lr * weight_decay) - lr / (1 - beta1^step) * m / (sqrt(v) / sqrt(1 - beta2^step) + eps)``,
    with ``v`` replaced by ``max_v = max(max_v, v)`` if ``amsgrad``. Returns ``(var, m, v, max_v)``."""
    lr = _like(lr, var)
    step = jnp.asarray(step).astype(var.dtype).reshape(())
    one = jnp.ones((), var.dtype)
    step_size = lr / (one - _like(beta1, var) ** step)
    bias_correction2_sqrt = jnp.sqrt(one - _like(beta2, var) ** step)
    decayed = var * (one - lr * _like(weight_decay, var))
    beta1, beta2 = _like(beta1, var), _like(beta2, var)
    m = m * beta1 + grad * (one - beta1)
    v = v * beta2 + (one - beta2) * grad * grad
    if amsgrad:
        max_v = jnp.maximum(max_v, v)
    denom = jnp.sqrt(max_v if amsgrad else v) / bias_correction2_sqrt + _like(eps, var)
    return decayed - m / denom * step_size, m, v, max_v


def _powers(step, var, *bases):
    """``base ** step`` for each of ``bases``, in ``var``'s dtype (``step``: the step counter after this step)."""
    step = jnp.asarray(step).astype(var.dtype).reshape(())
    return tuple(_like(base, var) ** step for base in bases)


def adamax_torch(var, m, v, grad, step, lr, beta1, beta2, eps):
    """``mindspore.experimental.optim.Adamax`` (PyTorch's): ``m = beta1 * m + (1 - beta1) * grad``;
    ``v = max(beta2 * v, |grad| + eps)``; ``var -= lr / (1 - beta1^step) * m / v``. Returns ``(var, m, v)``."""
    beta1, beta2 = _like(beta1, var), _like(beta2, var)
    one = jnp.ones((), var.dtype)
    clr = _like(lr, var) / (one - _powers(step, var, beta1)[0])
    m = m * beta1 + grad * (one - beta1)
    v = jnp.maximum(v * beta2, jnp.abs(grad) + _like(eps, var))
    return var - clr * m / v, m, v


def nadam(var, m, v, mu_product, grad, step, lr, beta1, beta2, eps, momentum_decay):
    """``mindspore.experimental.optim.NAdam`` (PyTorch's): ``mu_t = beta1 * (1 - 0.5 * 0.96^(step *
    momentum_decay))``; ``mu_product *= mu_t``; Adam's moments; ``denom = sqrt(v / (1 - beta2^step)) + eps``;
    ``var -= lr * (1 - mu_t) / (1 - mu_product) * grad / denom + lr * mu_{t+1} / (1 - mu_product * mu_{t+1}) * m /
    denom`` (two steps, as MindSpore). Returns ``(var, m, v, mu_product)``."""
    beta1, beta2 = _like(beta1, var), _like(beta2, var)
    one, half = jnp.ones((), var.dtype), jnp.asarray(0.5, var.dtype)
    t = jnp.asarray(step).astype(var.dtype).reshape(())
    decay = _like(momentum_decay, var)
    bias_correction2 = one - beta2 ** t
    mu = beta1 * (one - half * jnp.asarray(0.96, var.dtype) ** (t * decay))
    mu_next = beta1 * (one - half * jnp.asarray(0.96, var.dtype) ** ((t + one) * decay))
    mu_product = mu_product * mu
    m = m * beta1 + grad * (one - beta1)
    v = v * beta2 + grad * grad * (one - beta2)
    denom = jnp.sqrt(v / bias_correction2) + _like(eps, var)
    lr = _like(lr, var)
    var = var - lr * (one - mu) / (one - mu_product) * grad / denom
    return var - lr * mu_next / (one - mu_product * mu_next) * m / denom, m, v, mu_product


def radam(var, m, v, grad, step, lr, beta1, beta2, eps):
    """``mindspore.experimental.optim.RAdam`` (PyTorch's): Adam's moments; with ``rho_inf = 2 / (1 - beta2) - 1``
    and ``rho_t = rho_inf - 2 * step * beta2^step / (1 - beta2^step)``, where ``rho_t > 5`` ``var -= m / (1 -
    beta1^step) * lr * sqrt(1 - beta2^step) / (sqrt(v) + eps) * rect`` (``rect`` the variance rectification),
    else ``var -= m / (1 - beta1^step) * lr``. Returns ``(var, m, v)``."""
    one = jnp.ones((), var.dtype)
    t = jnp.asarray(step).astype(var.dtype).reshape(())
    beta1_power, beta2_power = _powers(step, var, beta1, beta2)
    bias_correction2 = one - beta2_power
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho_inf - 2 * t * beta2_power / bias_correction2
    beta1, beta2 = _like(beta1, var), _like(beta2, var)
    m = m * beta1 + grad * (one - beta1)
    v = v * beta2 + grad * grad * (one - beta2)
    corrected = m / (one - beta1_power)
    rect = jnp.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
    adaptive_lr = jnp.sqrt(bias_correction2) / (jnp.sqrt(v) + _like(eps, var))
    lr = _like(lr, var)
    return jnp.where(rho_t > 5.0, var - corrected * lr * adaptive_lr * rect, var - corrected * lr), m, v


def rms_prop_torch(var, mean_square, mean_grad, moment, grad, lr, alpha, eps, momentum, centered):
    """``mindspore.experimental.optim.RMSprop`` (PyTorch's; epsilon outside the square root):
    ``mean_square = alpha * mean_square + (1 - alpha) * grad^2``; ``avg = sqrt(mean_square - mean_grad^2) + eps``
    (``mean_grad`` the running mean of ``grad`` if ``centered``, else 0); with ``momentum > 0``
    ``moment = momentum * moment + grad / avg`` and ``var -= lr * moment``, else ``var -= lr * grad / avg``.
    Returns ``(var, mean_square, mean_grad, moment)``."""
    alpha, eps, lr = _like(alpha, var), _like(eps, var), _like(lr, var)
    keep = jnp.ones((), var.dtype) - alpha
    mean_square = mean_square * alpha + keep * grad * grad
    if centered:
        mean_grad = mean_grad * alpha + grad * keep
        avg = jnp.sqrt(mean_square - mean_grad * mean_grad) + eps
    else:
        avg = jnp.sqrt(mean_square) + eps
    if momentum > 0:
        moment = moment * _like(momentum, var) + grad / avg
        return var - moment * lr, mean_square, mean_grad, moment
    return var - lr * grad / avg, mean_square, mean_grad, moment


def sgd_torch(var, buf, grad, first, lr, momentum, dampening=0.0, nesterov=False):
    """PyTorch's SGD (``mindspore.mint.optim.SGD``): with momentum, ``buf = grad`` at the first step (``first``),
    later ``momentum * buf + (1 - dampening) * grad``; ``var -= lr * (grad + momentum * buf if nesterov else buf)``.
    Returns ``(var, buf)``."""
    if momentum != 0:
        keep = jnp.ones((), var.dtype) - _like(dampening, var)
        buf = jnp.where(first, grad, buf * _like(momentum, var) + grad * keep)
        grad = grad + buf * _like(momentum, var) if nesterov else buf
    return var - _like(lr, var) * grad, buf


def apply_adadelta(var, accum, accum_update, lr, rho, epsilon, grad):
    """MindSpore's ``ApplyAdadelta``: ``accum = rho * accum + (1 - rho) * grad^2``;
    ``update = sqrt(accum_update + eps) * grad / sqrt(accum + eps)``;
    ``accum_update = rho * accum_update + (1 - rho) * update^2``; ``var -= lr * update``."""
    rho, epsilon = _like(rho, var), _like(epsilon, var)
    keep = jnp.ones((), var.dtype) - rho
    accum = accum * rho + grad * grad * keep
    update = jnp.sqrt(accum_update + epsilon) * grad / jnp.sqrt(accum + epsilon)
    accum_update = accum_update * rho + update * update * keep
    return var - _like(lr, var) * update, accum, accum_update


def apply_ada_max(var, m, v, beta1_power, lr, beta1, beta2, epsilon, grad):
    """MindSpore's ``ApplyAdaMax``: ``m = beta1 * m + (1 - beta1) * grad``; ``v = max(beta2 * v, |grad|)``;
    ``var -= lr / (1 - beta1_power) * m / (v + eps)``."""
    beta1 = _like(beta1, var)
    one = jnp.ones((), var.dtype)
    m = m * beta1 + (one - beta1) * grad
    v = jnp.maximum(v * _like(beta2, var), jnp.abs(grad))
    return var - _like(lr, var) / (one - _like(beta1_power, var)) * (m / (v + _like(epsilon, var))), m, v


def apply_ftrl(var, accum, linear, grad, lr, l1, l2, lr_power, cpu_kernel=False):
    """MindSpore's ``ApplyFtrl``: ``accum' = accum + grad^2``;
    ``linear += grad - (accum'^-p - accum^-p) / lr * var``; ``var = (sign(linear) * l1 - linear) /
    (accum'^-p / lr + 2 * l2)`` where ``|linear| > l1``, else 0 (``p`` is ``lr_power``). The CPU kernel
    (``cpu_kernel``) takes ``sign(linear)`` as 1."""
    lr, l1, neg_power = _like(lr, var), _like(l1, var), -_like(lr_power, var)
    new_accum = accum + grad * grad
    new_pow = new_accum ** neg_power
    linear = linear + grad - (new_pow - accum ** neg_power) / lr * var
    quadratic = new_pow / lr + 2 * _like(l2, var)
    shrink = l1 if cpu_kernel else jnp.sign(linear) * l1
    var = jnp.where(jnp.abs(linear) > l1, (shrink - linear) / quadratic, jnp.zeros((), var.dtype))
    return var, new_accum, linear


def apply_proximal_adagrad(var, accum, lr, l1, l2, grad):
    """MindSpore's ``ApplyProximalAdagrad`` kernels (CPU and GPU, as TensorFlow's): ``accum += grad^2``;
    ``rate = lr / sqrt(accum)``; ``prox = var - rate * grad``;
    ``var = sign(prox) * max(|prox| - rate * l1, 0) / (1 + rate * l2)``. (The primitive's docstring writes ``lr``
    where the kernels use ``rate``.)"""
    accum = accum + grad * grad
    rate = _like(lr, var) / jnp.sqrt(accum)
    prox = var - rate * grad
    shrunk = jnp.maximum(jnp.abs(prox) - rate * _like(l1, var), jnp.zeros((), var.dtype))
    return jnp.sign(prox) * shrunk / (jnp.ones((), var.dtype) + rate * _like(l2, var)), accum



def apply_adagrad_v2(var, accum, lr, grad, epsilon=1e-6, update_slots=True):
    """``ApplyAdagradV2``: ``accum += grad ** 2`` (if ``update_slots``); ``var -= lr * grad / (sqrt(accum) + eps)``."""
    if update_slots:
        accum = accum + grad * grad
    return var - _like(lr, var) * grad / (jnp.sqrt(accum) + _like(epsilon, var)), accum


def apply_adagrad_da(var, grad_accum, grad_squared_accum, grad, lr, l1, l2, global_step):
    """``ApplyAdagradDA``: ``ga += grad``; ``gs += grad^2``; ``var = -lr * shrink(ga) / (l2 * step * lr +
    sqrt(gs))``, ``shrink(ga) = sign(ga) * max(|ga| - l1 * step, 0)`` where ``l1 > 0``, else ``ga``."""
    lr, l1, l2 = _like(lr, var), _like(l1, var), _like(l2, var)
    step = _like(global_step, var)
    grad_accum = grad_accum + grad
    grad_squared_accum = grad_squared_accum + grad * grad
    shrunk = jnp.sign(grad_accum) * jnp.maximum(jnp.abs(grad_accum) - l1 * step, jnp.zeros((), var.dtype))
    tmp = jnp.where(l1 > 0, shrunk, grad_accum)
    return -lr * tmp / (l2 * step * lr + jnp.sqrt(grad_squared_accum)), grad_accum, grad_squared_accum


def _sign_step(var, m, lr, beta, grad, scale):
    """``m = beta * m + (1 - beta) * grad``; ``var -= lr * scale(sign(grad) * sign(m)) * grad``."""
    beta = _like(beta, var)
    m = m * beta + (jnp.ones((), var.dtype) - beta) * grad
    return var - _like(lr, var) * scale(jnp.sign(grad) * jnp.sign(m)) * grad, m


def apply_add_sign(var, m, lr, alpha, sign_decay, beta, grad):
    """``ApplyAddSign``: the update is ``(alpha + sign_decay * sign(grad) * sign(m)) * grad``."""
    return _sign_step(var, m, lr, beta, grad, lambda s: _like(alpha, var) + _like(sign_decay, var) * s)


def apply_power_sign(var, m, lr, logbase, sign_decay, beta, grad):
    """``ApplyPowerSign``: the update is ``exp(logbase * sign_decay * sign(grad) * sign(m)) * grad``."""
    return _sign_step(var, m, lr, beta, grad, lambda s: jnp.exp(_like(logbase, var) * _like(sign_decay, var) * s))


def apply_gradient_descent(var, alpha, delta):
    """``ApplyGradientDescent``: ``var -= alpha * delta``."""
    return (var - _like(alpha, var) * delta,)


def apply_proximal_gradient_descent(var, alpha, l1, l2, delta):
    """``ApplyProximalGradientDescent``: ``prox = var - alpha * delta``;
    ``var = sign(prox) * max(|prox| - alpha * l1, 0) / (1 + alpha * l2)``."""
    alpha = _like(alpha, var)
    prox = var - alpha * delta
    shrunk = jnp.maximum(jnp.abs(prox) - alpha * _like(l1, var), jnp.zeros((), var.dtype))
    return (jnp.sign(prox) * shrunk / (jnp.ones((), var.dtype) + alpha * _like(l2, var)),)


def _compute_dtype(var):
    """MindSpore's Rprop and ASGD compute in Float32, or in the parameter's Float16/BFloat16."""
    return var.dtype if var.dtype in (jnp.float16, jnp.bfloat16) else jnp.float32


def rprop(var, prev, step_size, grad, lr, first, etaminus, etaplus, step_size_min, step_size_max):
    """``nn.Rprop``: the step size (``lr`` at the first step) times ``etaplus`` where ``grad * prev > 0``, times
    ``etaminus`` where it is ``< 0`` (and that gradient is dropped), clipped to ``[min, max]``;
    ``var -= sign(grad) * step_size``. Returns ``(var, prev, step_size)``."""
    dtype = _compute_dtype(var)
    step_size = jnp.where(first, jnp.ones_like(step_size, dtype) * jnp.asarray(lr).astype(dtype).reshape(()),
                          step_size.astype(dtype))
    grad = grad.astype(dtype)
    sign = jnp.sign(grad * prev.astype(dtype))
    sign = jnp.where(sign > 0, jnp.asarray(etaplus, dtype), sign)
    sign = jnp.where(sign < 0, jnp.asarray(etaminus, dtype), sign)
    sign = jnp.where(sign == 0, jnp.ones((), dtype), sign)
    step_size = jnp.minimum(jnp.maximum(step_size * sign, jnp.asarray(step_size_min, dtype)),
                            jnp.asarray(step_size_max, dtype))
    grad = jnp.where(sign == jnp.asarray(etaminus, dtype), jnp.zeros((), dtype), grad)
    new_var = var.astype(dtype) - jnp.sign(grad) * step_size
    return new_var.astype(var.dtype), grad.astype(prev.dtype), step_size.astype(var.dtype)


def asgd(var, ax, mu, eta, grad, lr, step, lambd, alpha, t0):
    """``nn.ASGD`` (``step`` counts from 1; ``eta`` starts at ``lr``): ``var = var * (1 - lambd * eta) - eta * grad``;
    ``ax += (var - ax) * mu`` (``ax = var`` while ``mu == 1``); ``eta = lr / (1 + lambd * lr * step)^alpha``;
    ``mu = 1 / max(1, step - t0)``, in Float32. Returns ``(var, ax, mu, eta)``."""
    f32 = jnp.float32
    lr = jnp.asarray(lr, f32).reshape(())
    step = jnp.asarray(step).astype(f32).reshape(())
    eta = jnp.where(step == 1, lr, eta)
    var32 = var.astype(f32) * (1. - lambd * eta) - eta * grad.astype(f32)
    new_var = var32.astype(var.dtype)
    ax = jnp.where(mu != 1, ax + ((var32 - ax.astype(f32)) * mu).astype(ax.dtype), new_var.astype(ax.dtype))
    eta = lr / (1. + lambd * lr * step) ** f32(alpha)
    mu = 1. / jnp.maximum(f32(1), step - jnp.asarray(t0, f32).reshape(()))
    return new_var, ax, mu.astype(f32), eta.astype(f32)


def lars_update(weight, gradient, weight_decay, lr, epsilon, coefficient, use_clip):
    """MindSpore's ``LARSUpdate`` (GPU/Ascend): ``coeff = coefficient * ||w|| / (||g|| + weight_decay * ||w|| + eps)``,
    with ``use_clip`` ``clip(coeff / lr, 0, 1)``; returns ``coeff * (g + weight_decay * w)``."""
    decay = _like(weight_decay, weight)
    w_norm, g_norm = jnp.sqrt(jnp.sum(weight * weight)), jnp.sqrt(jnp.sum(gradient * gradient))
    coeff = _like(coefficient, weight) * w_norm / (g_norm + decay * w_norm + _like(epsilon, weight))
    if use_clip:
        coeff = jnp.clip(coeff / _like(lr, weight), 0, 1)
    return (gradient + weight * decay) * coeff
