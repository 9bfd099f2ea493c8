"""``mindspore.nn`` dynamic learning rates: Python lists of per-step learning rates, as MindSpore builds them."""
import math

from .. import _checkparam as validator

__all__ = ["piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr",
           "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr"]


def piecewise_constant_lr(milestone, learning_rates):
    """``learning_rates[i]`` for the steps before ``milestone[i]`` (and from ``milestone[i - 1]``)."""
    validator.check_value_type("milestone", milestone, (tuple, list))
    validator.check_value_type("learning_rates", learning_rates, (tuple, list))
    if len(milestone) != len(learning_rates):
        raise ValueError("For 'piecewise_constant_lr', the size of 'milestone' must be same with the size of "
                         f"'learning_rates', but got 'milestone' size: {len(milestone)}, 'learning_rates' size: "
                         f"{len(learning_rates)}.")
    lr = []
    last_item = 0
    for i, item in enumerate(milestone):
        validator.check_positive_int(item, f"milestone[{i}]")
        validator.check_is_float(learning_rates[i], f"learning_rates[{i}]")
        if item < last_item:
            raise ValueError(f"For 'piecewise_constant_lr', the value of milestone[{i}] must be greater than "
                             f"milestone[{i - 1}], but got milestone[{i}]: {milestone[i]}, milestone[{i - 1}]: "
                             f"{milestone[i - 1]}.")
        lr += [learning_rates[i]] * (item - last_item)
        last_item = item
    return lr


def _check_float_not_negative(value, arg_name, op_name, prim_name=None):
    """MindSpore's check of a learning rate that may be 0 (``min_lr``, ``end_learning_rate``, warm-up's
    ``learning_rate``): a Python float, else ``TypeError`` naming ``op_name``; then ``check_non_negative_float``
    (with ``prim_name``)."""
    if not isinstance(value, float):
        raise TypeError(f"For '{op_name}', the argument '{arg_name}' must be type of float, but got '{arg_name}' "
                        f"type: {type(value)}.")
    validator.check_non_negative_float(value, arg_name, prim_name)


def _check_steps(total_step, step_per_epoch, decay_epoch):
    validator.check_positive_int(total_step, "total_step")
    validator.check_positive_int(step_per_epoch, "step_per_epoch")
    validator.check_positive_int(decay_epoch, "decay_epoch")


def _per_step(total_step, step_per_epoch, rate):
    """``[rate(epoch) for each step]``, ``epoch = floor(step / step_per_epoch)``."""
    return [rate(math.floor(i / step_per_epoch)) for i in range(total_step)]


def _check_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair):
    _check_steps(total_step, step_per_epoch, decay_epoch)
    validator.check_positive_float(learning_rate, "learning_rate")
    validator.check_positive_float(decay_rate, "decay_rate")
    validator.check_value_type("is_stair", is_stair, [bool])


def exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate * decay_rate ** (epoch / decay_epoch)`` per step (the exponent floored if ``is_stair``)."""
    _check_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)

    def rate(epoch):
        p = epoch / decay_epoch
        return learning_rate * decay_rate ** (math.floor(p) if is_stair else p)
    return _per_step(total_step, step_per_epoch, rate)


def natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate * e ** (-decay_rate * epoch)`` per step (the epoch rounded down to a multiple of
    ``decay_epoch`` if ``is_stair``)."""
    _check_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)

    def rate(epoch):
        if is_stair:
            epoch = math.floor(epoch / decay_epoch) * decay_epoch
        return learning_rate * math.e ** (-decay_rate * epoch)
    return _per_step(total_step, step_per_epoch, rate)


def inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate / (1 + decay_rate * epoch / decay_epoch)`` per step (the ratio floored if ``is_stair``)."""
    _check_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)

    def rate(epoch):
        if is_stair:
            return learning_rate / (1 + decay_rate * math.floor(epoch / decay_epoch))
        return learning_rate / (1 + decay_rate * epoch / decay_epoch)
    return _per_step(total_step, step_per_epoch, rate)


def cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch):
    """``min_lr + (max_lr - min_lr) / 2 * (1 + cos(pi * min(epoch, decay_epoch) / decay_epoch))`` per step."""
    _check_float_not_negative(min_lr, "min_lr", "cosine_decay_lr")
    validator.check_positive_float(max_lr, "max_lr")
    _check_steps(total_step, step_per_epoch, decay_epoch)
    if min_lr >= max_lr:
        raise ValueError("For 'cosine_decay_lr', the 'max_lr' must be greater than the 'min_lr', but got 'max_lr' "
                         f"value: {max_lr}, 'min_lr' value: {min_lr}.")
    delta = 0.5 * (max_lr - min_lr)
    return _per_step(total_step, step_per_epoch,
                     lambda epoch: min_lr + delta * (1 + math.cos(math.pi * min(epoch, decay_epoch) / decay_epoch)))


def polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch, power,
                        update_decay_epoch=False):
    """``(learning_rate - end_learning_rate) * (1 - epoch / decay_epoch) ** power + end_learning_rate`` per step.

    The epoch is capped at ``decay_epoch``, or with ``update_decay_epoch`` the decay length grows to the next
    multiple of ``decay_epoch``.
    """
    validator.check_positive_float(learning_rate, "learning_rate")
    _check_float_not_negative(end_learning_rate, "end_learning_rate", "polynomial_decay_lr")
    validator.check_positive_float(power, "power")
    _check_steps(total_step, step_per_epoch, decay_epoch)
    validator.check_value_type("update_decay_epoch", update_decay_epoch, [bool])
    delta = learning_rate - end_learning_rate

    def rate(epoch):
        if update_decay_epoch:
            decay_epoch_now = decay_epoch * max(math.ceil(epoch / decay_epoch), 1)
        else:
            decay_epoch_now, epoch = decay_epoch, min(decay_epoch, epoch)
        return delta * (1 - epoch / decay_epoch_now) ** power + end_learning_rate
    return _per_step(total_step, step_per_epoch, rate)


def warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch):
    """``learning_rate * min(epoch, warmup_epoch) / warmup_epoch`` per step."""
    _check_float_not_negative(learning_rate, "learning_rate", "warmup_lr")
    validator.check_positive_int(warmup_epoch, "warmup_epoch")
    validator.check_positive_int(total_step, "total_step")
    validator.check_positive_int(step_per_epoch, "step_per_epoch")
    return _per_step(total_step, step_per_epoch, lambda epoch: learning_rate * min(warmup_epoch, epoch) / warmup_epoch)
