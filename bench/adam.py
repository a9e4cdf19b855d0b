"""Full-batch Adam for the small models the training scripts fit (parse labels, asks, who's who).

One copy of the update, so the three scripts cannot drift apart in how they step. It is
deterministic (no sampling; the same gradients give the same parameters to the bit), so a
refit from the same data writes the same model file. Each parameter (a weight array or a
scalar bias) gets its own `Adam`, which keeps its moment estimates and its step count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Adam"]


@dataclass
class Adam:
    """Adam state for one parameter: `param -= adam.step(grad)` once per iteration."""

    lr: float
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    m: Any = 0.0  # first moment: a scalar until the first gradient gives it its shape
    v: Any = 0.0  # second moment
    steps: int = 0

    def step(self, grad: Any) -> Any:
        """The bias-corrected step to subtract from the parameter for this gradient."""
        self.steps += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grad
        self.v = self.beta2 * self.v + (1 - self.beta2) * grad * grad
        corr1, corr2 = 1 - self.beta1**self.steps, 1 - self.beta2**self.steps
        return self.lr * (self.m / corr1) / (np.sqrt(self.v / corr2) + self.eps)
