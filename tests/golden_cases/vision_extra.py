"""Golden cases for the vision transforms added after ``dataset.py``'s (AdjustGamma, ...), called eagerly on arrays:
values, dtypes and MindSpore's errors."""
import numpy as np

RNG = np.random.RandomState(7)
IMG = RNG.randint(0, 256, (9, 11, 3)).astype(np.uint8)
IMG_F32 = RNG.rand(9, 11, 3).astype(np.float32)
LEVELS = np.arange(256, dtype=np.uint8).reshape(16, 16, 1)


def case_adjust_gamma(ms):
    v = ms.dataset.vision
    return {
        "u8": v.AdjustGamma(2.2)(IMG), "u8_gain": v.AdjustGamma(0.5, 1.3)(IMG),
        "levels": v.AdjustGamma(0.7, 0.6)(LEVELS),
        "gray": v.AdjustGamma(1.7, 0.9)(IMG[..., 0]), "f32": v.AdjustGamma(2.2, 0.8)(IMG_F32),
        "f64": v.AdjustGamma(0.5, 2.0)(IMG_F32.astype(np.float64)), "batch": v.AdjustGamma(3.0)(np.stack([IMG, IMG])),
        "int_gamma": v.AdjustGamma(2, 1)(IMG),
    }


def case_err_adjust_gamma_channels(ms):
    return ms.dataset.vision.AdjustGamma(0.5)(np.zeros((4, 4, 4), np.uint8))


def case_err_adjust_gamma_rank(ms):
    return ms.dataset.vision.AdjustGamma(0.5)(np.zeros(4, np.uint8))


def case_err_adjust_gamma_negative(ms):
    return ms.dataset.vision.AdjustGamma(-0.5)


def case_err_adjust_gamma_gain_type(ms):
    return ms.dataset.vision.AdjustGamma(0.5, "1")


def case_adjust_hue(ms):
    v = ms.dataset.vision
    return {"shift": v.AdjustHue(0.2)(IMG), "back": v.AdjustHue(-0.45)(IMG), "zero": v.AdjustHue(0.0)(IMG),
            "half": v.AdjustHue(0.5)(IMG), "gray": v.AdjustHue(0.3)(np.repeat(IMG[..., :1], 3, -1))}


def case_err_adjust_hue_range(ms):
    return ms.dataset.vision.AdjustHue(0.6)


def case_err_adjust_hue_channels(ms):
    return ms.dataset.vision.AdjustHue(0.1)(IMG[..., :2])


def case_resize_bicubic(ms):
    v = ms.dataset.vision
    cubic = v.Inter.BICUBIC
    return {"down": v.Resize((4, 5), cubic)(IMG), "up": v.Resize((20, 13), cubic)(IMG),
            "short_side": v.Resize(6, cubic)(IMG), "gray": v.Resize((5, 17), cubic)(IMG[..., 0]),
            "f32": v.Resize((7, 15), cubic)(IMG_F32), "f64": v.Resize((12, 5), cubic)(IMG_F32.astype(np.float64)),
            "u16": v.Resize((6, 14), cubic)(IMG.astype(np.uint16) * 200),
            "crop": v.RandomResizedCrop((6, 6), scale=(1.0, 1.0), ratio=(11 / 9, 11 / 9), interpolation=cubic)(IMG)}


def case_gaussian_blur(ms):
    v = ms.dataset.vision
    return {"k3": v.GaussianBlur(3, 3)(IMG), "k57": v.GaussianBlur((5, 7), (1.5, 0.8))(IMG),
            "default_sigma": v.GaussianBlur(5)(IMG), "k9_gray": v.GaussianBlur(9, 2)(IMG[..., 0]),
            "one": v.GaussianBlur((1, 3), (0.5, 1.0))(IMG), "f32": v.GaussianBlur(3, 1.2)(IMG_F32),
            "f32_default": v.GaussianBlur(5)(IMG_F32), "f64": v.GaussianBlur((3, 5), 0.9)(IMG_F32.astype(np.float64))}


def case_err_gaussian_blur_even(ms):
    return ms.dataset.vision.GaussianBlur(4)


def case_err_gaussian_blur_sigma(ms):
    return ms.dataset.vision.GaussianBlur(3, -1.0)


def case_err_gaussian_blur_size(ms):
    return ms.dataset.vision.GaussianBlur((3, 3, 3))


def case_random_lighting_zero(ms):
    return ms.dataset.vision.RandomLighting(0.0)(IMG)


def case_err_random_lighting_alpha(ms):
    return ms.dataset.vision.RandomLighting(-0.1)


def case_err_random_lighting_channels(ms):
    return ms.dataset.vision.RandomLighting(0.1)(IMG[..., :2])


def case_random_perspective_never(ms):
    from PIL import Image
    return np.asarray(ms.dataset.vision.RandomPerspective(0.5, 0.0)(Image.fromarray(IMG)))


def case_err_random_perspective_scale(ms):
    return ms.dataset.vision.RandomPerspective(1.5)


def case_err_random_perspective_array(ms):
    return ms.dataset.vision.RandomPerspective(0.5, 1.0)(IMG)


def case_resize_area(ms):
    v = ms.dataset.vision
    area = v.Inter.AREA
    return {"down": v.Resize((4, 5), area)(IMG), "up": v.Resize((20, 13), area)(IMG),
            "half": v.Resize((4, 5), area)(IMG[:8, :10]), "third": v.Resize((3, 3), area)(IMG[:9, :9]),
            "mixed": v.Resize((20, 4), area)(IMG), "gray": v.Resize((5, 7), area)(IMG[..., 0]),
            "f32": v.Resize((7, 6), area)(IMG_F32), "f32_up": v.Resize((12, 15), area)(IMG_F32),
            "u16": v.Resize((6, 4), area)(IMG.astype(np.uint16) * 200)}


def case_random_resize_same_size(ms):
    """Every interpolation keeps an image resized to its own size, so the random draw does not show."""
    v = ms.dataset.vision
    boxes = np.array([[1, 2, 4, 3]], np.float32)
    return {"image": v.RandomResize((9, 11))(IMG), "with_bbox": v.RandomResizeWithBBox((9, 11))(IMG, boxes)}


def case_err_random_resize_size(ms):
    return ms.dataset.vision.RandomResize((0, 4))


def case_augment_deterministic(ms):
    """The automatic augmentations where the draws do not show: no operations, or an image they all keep."""
    v = ms.dataset.vision
    return {"rand_none": v.RandAugment(num_ops=0)(IMG)}


def case_err_rand_augment_magnitude(ms):
    return ms.dataset.vision.RandAugment(magnitude=31)


def case_err_trivial_augment_wide_bins(ms):
    return ms.dataset.vision.TrivialAugmentWide(num_magnitude_bins=1)


def case_err_auto_augment_policy(ms):
    return ms.dataset.vision.AutoAugment(policy="imagenet")


def case_err_auto_augment_fill(ms):
    return ms.dataset.vision.AutoAugment(fill_value=(1, 2))


def case_err_auto_augment_gray(ms):
    return ms.dataset.vision.AutoAugment()(IMG[..., 0])
