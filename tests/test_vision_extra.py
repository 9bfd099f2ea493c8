"""The random draws of RandomLighting and RandomPerspective (``golden_cases/vision_extra.py`` records what is
deterministic: their checks, and the transforms at probability or intensity 0)."""
import numpy as np
from PIL import Image

from mindshim.dataset import vision

IMG = np.random.RandomState(5).randint(0, 256, (12, 16, 3)).astype(np.uint8)


class _Draws:
    """A stand-in for the pipeline's generator: fixed normal and integer draws."""

    def __init__(self, normals=(), integers=()):
        self._normals, self._integers = list(normals), iter(integers)

    def random(self):
        return 0.0

    def normal(self, loc, scale, size):
        return np.asarray(self._normals, np.float64)

    def integers(self, low, high):
        value = next(self._integers)
        assert low <= value < high
        return value


def test_random_lighting_adds_the_pca_noise():
    weights = np.array([0.3, -1.2, 0.8], np.float32)
    out = vision.RandomLighting(0.5)._one(IMG, _Draws(normals=weights))
    noise = vision.RandomLighting._EIGEN @ weights
    np.testing.assert_array_equal(out, np.clip(np.rint(IMG + noise), 0, 255).astype(np.uint8))


def test_random_perspective_maps_the_corners():
    img = Image.fromarray(IMG)
    ends = [1, 2, 14, 1, 13, 10, 2, 9]  # top-left, top-right, bottom-right, bottom-left (x, y)
    out = vision.RandomPerspective(0.5, 1.0, vision.Inter.NEAREST)._apply([img], _Draws(integers=ends))[0]
    assert isinstance(out, Image.Image) and out.size == img.size
    out = np.asarray(out)
    for (x, y), (u, v) in zip(zip(ends[::2], ends[1::2]), [(0, 0), (15, 0), (15, 11), (0, 11)]):
        np.testing.assert_array_equal(out[y, x], IMG[v, u])


def test_auto_augment_applies_the_drawn_subpolicy():
    """ImageNet's first sub-policy, both operations drawn (probabilities 0), signs 0 (negated): Posterize at bin 8
    (4 bits), then Rotate by -30 degrees."""
    class Draws(_Draws):
        def integers(self, low, high, size=None):
            return np.zeros(size, np.int64) if size else 0

        def random(self, size=None):
            return np.zeros(size)
    out = vision.AutoAugment()._one(IMG, Draws())
    expected = vision.Rotate(-30.0)(vision.Posterize(4)(IMG))
    np.testing.assert_array_equal(out, expected)


def test_trivial_augment_wide_draws_op_bin_and_sign():
    """RandInt(0, n) draws 0..n and takes it modulo n: draws 3 (Contrast, alphabetically), 30 (the last bin,
    0.99), then 1 (negative): contrast by 0.01."""
    out = vision.TrivialAugmentWide()._one(IMG, _Draws(integers=[3, 30, 1]))
    np.testing.assert_array_equal(out, vision.AdjustContrast(1 - np.float32(0.99).item())(IMG))
