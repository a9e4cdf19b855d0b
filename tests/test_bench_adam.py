"""bench/adam.py: the one Adam update the training scripts share (parse labels, asks, who's who)."""

import numpy as np

from .bench_support import load_bench

Adam = load_bench("adam").Adam


def test_it_finds_the_minimum_of_a_quadratic_for_an_array_and_a_scalar():
    target = np.array([3.0, -2.0, 0.5])
    w, b = np.zeros(3), 0.0
    adam_w, adam_b = Adam(lr=0.05), Adam(lr=0.05)
    for _ in range(2000):
        w -= adam_w.step(2 * (w - target))
        b -= adam_b.step(2 * (b - 1.5))
    assert np.allclose(w, target, atol=1e-3) and abs(b - 1.5) < 1e-3
    assert adam_w.steps == adam_b.steps == 2000


def test_the_first_step_is_the_learning_rate_against_the_gradient_sign():
    # bias correction makes the first update lr·g/(|g|+eps): a full step of lr whatever the gradient's size
    step = Adam(lr=0.1).step(np.array([4.0, -0.001, 250.0]))
    assert np.allclose(step, [0.1, -0.1, 0.1], rtol=1e-4)
