"""``mindspore.mint.optim.Adam``."""
from .adamw import _TorchAdam

__all__ = ["Adam"]


class Adam(_TorchAdam):
    """Adam (PyTorch's rule, L2 ``weight_decay`` added to the gradient). ``state_step`` (Float32, shape ``(1,)``)
    is 1 at the first step. As in MindSpore 2.10, ``amsgrad`` groups get ``max_exp_avg_sq`` but never update it,
    so their update is plain Adam.

    State: ``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``state_step``; ``max_exp_avg_sq`` in ``amsgrad`` groups.
    """
    _decoupled = False
    _amsgrad = False

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize, first_step=1)
