"""Image layers (``mindspore.nn.layer.image``): ImageGradients, CentralCrop, PixelShuffle, PixelUnshuffle."""
from ... import _checkparam as validator
from ... import ops
from ..cell import Cell

__all__ = ["ImageGradients", "CentralCrop", "PixelShuffle", "PixelUnshuffle"]


class ImageGradients(Cell):
    """``(dy, dx)`` of ``(N, C, H, W)`` images: forward differences, 0 in the last row/column."""

    def construct(self, images):
        if images.ndim != 4:
            raise ValueError(f"For 'ImageGradients', the dimension of 'images' must be 4d, but got {images.ndim}.")
        n, c, h, w = images.shape
        zeros_row = ops.zeros((n, c, 1, w), images.dtype)
        zeros_col = ops.zeros((n, c, h, 1), images.dtype)
        dy = zeros_row if h == 1 else ops.concat((images[:, :, 1:, :] - images[:, :, :h - 1, :], zeros_row), 2)
        dx = zeros_col if w == 1 else ops.concat((images[:, :, :, 1:] - images[:, :, :, :w - 1], zeros_col), 3)
        return dy, dx


class CentralCrop(Cell):
    """The central ``central_fraction`` of the last two axes of a 3-D or 4-D image."""

    def __init__(self, central_fraction):
        super().__init__()
        validator.check_value_type("central_fraction", central_fraction, [float], "CentralCrop")
        validator.check_float_range(central_fraction, 0.0, 1.0, validator.INC_RIGHT, "central_fraction",
                                    "CentralCrop")
        self.central_fraction = central_fraction

    def construct(self, image):
        if image.ndim not in (3, 4):
            raise ValueError(f"CentralCrop image must be 3d or 4d, but got shape {image.shape}")
        if self.central_fraction == 1.0:
            return image
        h, w = image.shape[-2:]
        top = int((float(h) - float(h * self.central_fraction)) / 2)
        left = int((float(w) - float(w * self.central_fraction)) / 2)
        lead = image.ndim - 2
        return ops.slice(image, (0,) * lead + (top, left), image.shape[:lead] + (h - 2 * top, w - 2 * left))


class PixelShuffle(Cell):
    """``(*, C r^2, H, W)`` to ``(*, C, H r, W r)`` (``ops.pixel_shuffle``)."""

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def construct(self, input):
        return ops.pixel_shuffle(input, self.upscale_factor)


class PixelUnshuffle(Cell):
    """``(*, C, H r, W r)`` to ``(*, C r^2, H, W)`` (``ops.pixel_unshuffle``)."""

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def construct(self, input):
        return ops.pixel_unshuffle(input, self.downscale_factor)
