"""Writes the reference outputs that FamilyReferenceTests compares the augmentation families with.

Each <name>.json holds a batch of 28x28 uint8 images, the per-image parameters, and what the
library each family names in its doc comment produces for them (the format of
../../Reference/*.json). Run with Debian bookworm's packages:
    apt-get install python3-opencv python3-skimage python3-torchvision
    /usr/bin/python3 make_family_reference.py
(OpenCV 4.6.0, torchvision 0.14.1, NumPy 1.24.) torchvision 0.14 already has
functional.elastic_transform and ElasticTransform.get_params, so elastic is called, not reproduced.
The noise families (gaussian_noise, salt_and_pepper) cannot match a library's random stream and have
no reference here.
"""
import base64
import json
import pathlib

import cv2
import numpy as np
import skimage
import torch
import torchvision
import torchvision.transforms as T
import torchvision.transforms.functional as TF

SIDE = 28
CENTRE = (13.5, 13.5)
OUT = pathlib.Path(__file__).parent
SOURCE = (f"OpenCV {cv2.__version__}, scikit-image {skimage.__version__}, "
          f"torchvision {torchvision.__version__}, NumPy {np.__version__}")


def digit_like(rng):
    """A few thick strokes, mostly softened, as in ../../Reference/make_reference.py."""
    image = np.zeros((SIDE, SIDE), np.uint8)
    for _ in range(rng.integers(1, 4)):
        start = tuple(int(v) for v in rng.integers(4, 24, 2))
        end = tuple(int(v) for v in rng.integers(4, 24, 2))
        cv2.line(image, start, end, int(rng.integers(128, 256)), int(rng.integers(1, 4)))
    if rng.random() < 0.7:
        image = cv2.GaussianBlur(image, (3, 3), float(rng.uniform(0.5, 1.2)))
    return image


def batch(rng, count=16):
    """Digit-like images, then four random ones, then all black and all white."""
    images = [digit_like(rng) for _ in range(count - 6)]
    images += [rng.integers(0, 256, (SIDE, SIDE)).astype(np.uint8) for _ in range(4)]
    images += [np.zeros((SIDE, SIDE), np.uint8), np.full((SIDE, SIDE), 255, np.uint8)]
    return np.stack(images)


def write(name, images, expected, parameters):
    record = {
        "augmentation": name,
        "source": SOURCE,
        "count": len(images),
        "images": base64.b64encode(images.astype(np.uint8).tobytes()).decode(),
        "expected": base64.b64encode(np.asarray(expected).astype(np.uint8).tobytes()).decode(),
        "parameters": parameters,
    }
    (OUT / f"{name}.json").write_text(json.dumps(record, indent=1) + "\n")


def warp(image, matrix):
    return cv2.warpAffine(image, np.asarray(matrix, np.float64), (SIDE, SIDE))


def rotate(rng):
    images = batch(rng)
    degrees = np.concatenate([[0.0, 90.0, -90.0, 180.0, 45.0, 360.0], rng.uniform(-360, 360, len(images) - 6)])
    expected = [warp(i, cv2.getRotationMatrix2D(CENTRE, float(d), 1.0)) for i, d in zip(images, degrees)]
    write("rotate", images, expected, {"degrees": degrees.tolist()})


def shear(rng):
    images = batch(rng)
    x = np.concatenate([[0.0, 30.0, 0.0, -80.0], rng.uniform(-80, 80, len(images) - 4)])
    y = np.concatenate([[0.0, 0.0, -45.0, 80.0], rng.uniform(-80, 80, len(images) - 4)])
    expected = []
    for image, dx, dy in zip(images, x, y):
        tx, ty = np.tan(np.deg2rad(dx)), np.tan(np.deg2rad(dy))
        expected.append(warp(image, [[1, tx, -tx * 13.5], [ty, 1, -ty * 13.5]]))
    write("shear", images, expected, {"x": x.tolist(), "y": y.tolist()})


def translate(rng):
    images = batch(rng)
    x = np.concatenate([[0.0, 3.0, -5.0, 28.0, -28.0], rng.uniform(-10, 10, len(images) - 5)])
    y = np.concatenate([[0.0, -2.0, 7.0, 0.0, 27.5], rng.uniform(-10, 10, len(images) - 5)])
    expected = [warp(i, [[1, 0, dx], [0, 1, dy]]) for i, dx, dy in zip(images, x, y)]
    write("translate", images, expected, {"x": x.tolist(), "y": y.tolist()})


def scale(rng):
    images = batch(rng)
    factor = np.concatenate([[1.0, 2.0, 0.5, 0.1, 4.0], rng.uniform(0.1, 4, len(images) - 5)])
    expected = [warp(i, cv2.getRotationMatrix2D(CENTRE, 0, float(f))) for i, f in zip(images, factor)]
    write("scale", images, expected, {"factor": factor.tolist()})


def affine(rng):
    """Per-image forward matrices, flattened row-major: six numbers per image."""
    images = batch(rng)
    matrices = []
    for k in range(len(images)):
        m = np.array([[rng.uniform(0.5, 1.5), rng.uniform(-0.5, 0.5), rng.uniform(-5, 5)],
                      [rng.uniform(-0.5, 0.5), rng.uniform(0.5, 1.5), rng.uniform(-5, 5)]])
        if k == 0:
            m = np.array([[-1.0, 0.0, 27.0], [0.0, 1.0, 0.0]])  # a mirror as a matrix
        matrices.append(m)
    expected = [warp(i, m) for i, m in zip(images, matrices)]
    write("affine", images, expected, {"matrix": np.concatenate([m.ravel() for m in matrices]).tolist()})


def flip(rng):
    for axis, code in (("horizontal", 1), ("vertical", 0), ("both", -1)):
        images = batch(rng)
        write(f"flip_{axis}", images, [cv2.flip(i, code) for i in images], {})


def gaussian_blur(rng):
    """Per-image sigmas (float32 values, as torchvision uses them), for three kernel sizes."""
    for k in (3, 7, 27):
        images = batch(rng)
        tensor = torch.from_numpy(images).unsqueeze(1)
        sigmas = [float(np.float32(s)) for s in rng.uniform(0.1, 10, len(images))]
        expected = torch.cat([TF.gaussian_blur(tensor[n:n + 1], [k, k], [s, s]) for n, s in enumerate(sigmas)])
        write(f"gaussian_blur_k{k}", images, expected.squeeze(1).numpy(), {"sigma": sigmas, "kernel_size": [k]})


def invert(rng):
    images = batch(rng)
    write("invert", images, TF.invert(torch.from_numpy(images).unsqueeze(1)).squeeze(1).numpy(), {})


def erase(rng):
    images = batch(rng)
    x = rng.integers(0, 28, len(images))
    y = rng.integers(0, 28, len(images))
    width = np.array([rng.integers(1, 29 - v) for v in x])
    height = np.array([rng.integers(1, 29 - v) for v in y])
    value = rng.integers(0, 256, len(images))
    x[0], y[0], width[0], height[0] = 0, 0, 28, 28  # the whole image
    expected = [TF.erase(torch.from_numpy(i).unsqueeze(0), int(b), int(a), int(h), int(w), torch.tensor(int(v), dtype=torch.uint8))
                for i, a, b, w, h, v in zip(images, x, y, width, height, value)]
    write("erase", images, torch.cat(expected).numpy(),
          {"x": x.tolist(), "y": y.tolist(), "width": width.tolist(), "height": height.tolist(), "value": value.tolist()})


def dyadic_displacement(n):
    """Image n's displacement (28, 28, 2): multiples of 1/2^(5 + n % 3) up to ±20 of them, exact in
    float32, so C# builds the same field (FamilyReferenceTests.DyadicDisplacement)."""
    r, c, k = np.meshgrid(np.arange(SIDE), np.arange(SIDE), np.arange(2), indexing="ij")
    return (((n * 13 + r * 3 + c * 5 + k * 11) % 41) - 20) / 2.0 ** (5 + n % 3)


def dyadic_uniform(n, k):
    """Image n's uniform draws for dx (k = 0) and dy (k = 1), multiples of 1/256 in [0, 1), exact in
    float32 (FamilyReferenceTests.DyadicUniform)."""
    r, c = np.meshgrid(np.arange(SIDE), np.arange(SIDE), indexing="ij")
    return ((n * 131 + k * 71 + r * 29 + c * 17) * 37 % 256) / 256.0


def elastic_grid(rng):
    """functional.elastic_transform (fill=None) with a given displacement per image."""
    images = batch(rng)
    expected = [TF.elastic_transform(torch.from_numpy(i).unsqueeze(0),
                                     torch.from_numpy(dyadic_displacement(n)).float().unsqueeze(0))
                for n, i in enumerate(images)]
    write("elastic_grid", images, torch.cat(expected).numpy(), {})


def elastic(rng):
    """ElasticTransform.get_params with torch.rand answering the dyadic draws, then elastic_transform."""
    images = batch(rng)
    alpha, sigma = 50.0, 5.0
    real_rand = torch.rand
    expected = []
    try:
        for n, image in enumerate(images):
            draws = iter([dyadic_uniform(n, 0), dyadic_uniform(n, 1)])
            torch.rand = lambda size, draws=draws: torch.from_numpy(next(draws)).float().view(size)
            displacement = T.ElasticTransform.get_params([alpha, alpha], [sigma, sigma], [SIDE, SIDE])
            expected.append(TF.elastic_transform(torch.from_numpy(image).unsqueeze(0), displacement))
    finally:
        torch.rand = real_rand
    write("elastic", images, torch.cat(expected).numpy(), {"alpha": [alpha], "sigma": [sigma]})


if __name__ == "__main__":
    generator = np.random.default_rng(20240611)
    for family in (rotate, shear, translate, scale, affine, flip, gaussian_blur, invert, erase, elastic_grid, elastic):
        family(generator)
