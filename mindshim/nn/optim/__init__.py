"""``mindspore.nn`` optimizers."""
from .ada_grad import Adagrad
from .adam import Adam, AdamOffload, AdamWeightDecay
from .lamb import Lamb
from .momentum import Momentum
from .optimizer import Optimizer
from .rmsprop import RMSProp
from .sgd import SGD

__all__ = ["Optimizer", "Momentum", "Adam", "AdamWeightDecay", "AdamOffload", "Lamb", "SGD", "RMSProp", "Adagrad"]
