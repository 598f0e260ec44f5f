"""Writes the reference outputs that OpenCvReferenceTests compares LaVae's augmentations with.

Each <augmentation>.json holds a batch of 28x28 uint8 images, the per-image parameters, and what
the libraries the paper's authors used (through imgaug 0.4 and torchvision) produce for them.
Run with Debian bookworm's packages, the versions of the paper's time (early 2023):
    apt-get install python3-opencv python3-skimage python3-torchvision
    /usr/bin/python3 make_reference.py
(OpenCV 4.6.0, scikit-image 0.19.3, torchvision 0.14.1, NumPy 1.24.)
"""
import base64
import json
import pathlib

import cv2
import numpy as np
import skimage
import torch
import torchvision
import torchvision.transforms.functional as TF
from skimage import transform as tf

SIDE = 28
OUT = pathlib.Path(__file__).parent
SOURCE = (f"OpenCV {cv2.__version__}, scikit-image {skimage.__version__}, "
          f"torchvision {torchvision.__version__}, NumPy {np.__version__}")


def digit_like(rng):
    """A few thick strokes, mostly softened: MNIST-like edges for Canny, shear and the filters."""
    image = np.zeros((SIDE, SIDE), np.uint8)
    for _ in range(rng.integers(1, 4)):
        start = tuple(int(v) for v in rng.integers(4, 24, 2))
        end = tuple(int(v) for v in rng.integers(4, 24, 2))
        cv2.line(image, start, end, int(rng.integers(128, 256)), int(rng.integers(1, 4)))
    if rng.random() < 0.7:
        image = cv2.GaussianBlur(image, (3, 3), float(rng.uniform(0.5, 1.2)))
    return image


def batch(rng):
    images = [digit_like(rng) for _ in range(24)]
    images += [rng.integers(0, 256, (SIDE, SIDE)).astype(np.uint8) for _ in range(6)]
    images += [np.zeros((SIDE, SIDE), np.uint8), np.full((SIDE, SIDE), 255, np.uint8)]
    return np.stack(images)


def write(name, images, expected, parameters):
    record = {
        "augmentation": name,
        "source": SOURCE,
        "count": len(images),
        "images": base64.b64encode(images.astype(np.uint8).tobytes()).decode(),
        "expected": base64.b64encode(expected.astype(np.uint8).tobytes()).decode(),
        "parameters": parameters,
    }
    (OUT / f"{name}.json").write_text(json.dumps(record, indent=1) + "\n")


def canny(rng):
    images = batch(rng)
    low = rng.integers(60, 141, len(images))
    high = rng.integers(160, 241, len(images))
    drawn = rng.integers(3, 8, len(images))
    aperture = drawn - (drawn % 2 == 0)
    # imgaug Canny(alpha=1) with colorizer color_true=0, color_false=255.
    expected = np.stack([
        np.where(cv2.Canny(image, int(lo), int(hi), apertureSize=int(ap), L2gradient=True) > 0, 0, 255)
        for image, lo, hi, ap in zip(images, low, high, aperture)])
    write("canny", images, expected,
          {"low": low.tolist(), "high": high.tolist(), "aperture": aperture.tolist()})


def edge_detect(rng):
    images = batch(rng)
    alpha = rng.random(len(images)).astype(np.float32)
    nochange = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float32)
    effect = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float32)
    expected = []
    for image, a in zip(images, alpha):
        a = np.float64(a)  # imgaug's sample is a float64 scalar; the matrix stays float32
        matrix = (1 - a) * nochange + a * effect
        expected.append(cv2.filter2D(image, -1, matrix))
    write("edge_detect", images, np.stack(expected), {"alpha": [float(a) for a in alpha]})


def shear_matrix(degrees):
    """imgaug 0.4 _AffineSamplingResult.to_matrix for ShearX, built with skimage's transforms."""
    shift_y = SIDE / 2.0 - 0.5
    shift_x = SIDE / 2.0 - 0.5
    matrix = (tf.SimilarityTransform(translation=[-shift_x, -shift_y])
              + tf.AffineTransform(rotation=-3.141592 / 2)
              + tf.AffineTransform(shear=0.0)
              + tf.AffineTransform(rotation=3.141592 / 2)
              + tf.AffineTransform(scale=(1.0, 1.0), translation=(0.0, 0.0), rotation=0.0,
                                   shear=np.deg2rad(degrees))
              + tf.SimilarityTransform(translation=[shift_x, shift_y]))
    return matrix.params[:2]


def shear_x(rng):
    images = batch(rng)
    degrees = rng.uniform(-50, -45, len(images))
    expected = np.stack([
        cv2.warpAffine(image, shear_matrix(d), (SIDE, SIDE), flags=cv2.INTER_LINEAR,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        for image, d in zip(images, degrees)])
    write("shearX", images, expected, {"degrees": degrees.tolist()})


def mini_image(rng):
    images = batch(rng)
    tensor = torch.from_numpy(images).unsqueeze(1)
    mini = TF.resize(tensor, [8, 8], interpolation=TF.InterpolationMode.BILINEAR, antialias=False)
    expected = tensor.clone()
    expected[:, :, :8, :8] = mini
    write("mini_image", images, expected.squeeze(1).numpy(), {})


def gaussian_blur(rng):
    """Four sigmas, each for a quarter of the batch (the augmentation draws one sigma per call)."""
    images = batch(rng)
    tensor = torch.from_numpy(images).unsqueeze(1)
    sigmas = [float(np.float32(s)) for s in rng.uniform(0.1, 2.0, 4)]
    quarter = len(images) // 4
    expected = [TF.gaussian_blur(tensor[k * quarter:(k + 1) * quarter], [7, 7], [s, s])
                for k, s in enumerate(sigmas)]
    write("gaussian_blur", images, torch.cat(expected).squeeze(1).numpy(), {"sigma": sigmas})


if __name__ == "__main__":
    generator = np.random.default_rng(20230306)
    canny(generator)
    edge_detect(generator)
    shear_x(generator)
    mini_image(generator)
    gaussian_blur(generator)
