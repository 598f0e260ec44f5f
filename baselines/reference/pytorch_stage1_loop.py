#!/usr/bin/env python3
"""The reference for `lavae bench`: the same stage-1 training step in PyTorch's own Python loop.

The paper's VAE (F=64, latent 16), batch 64, per-image summed BCE + KL, the data resident as one
uint8 tensor and batches taken by index; the optimizer is Adam (PyTorch has no AdaBelief; the two
cost the same per step, about 2% of it). Run with Debian's python3-torch (PyTorch 1.13; LaVae runs on
LibTorch 2.10 through TorchSharp, and no PyTorch 2.10 wheel can be installed on this machine kind),
beside `lavae bench` on the same machine:

    /usr/bin/python3 baselines/reference/pytorch_stage1_loop.py --steps 300 --threads 2 [--busy 1]

--busy N starts N processes that spin, the competing load `lavae bench --busy N` makes with threads.
"""
import argparse
import multiprocessing
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Vae(nn.Module):
    def __init__(self, f=64, latent=16):
        super().__init__()
        self.f = f
        self.conv1 = nn.Conv2d(1, f, 4, 2, 1)
        self.conv2 = nn.Conv2d(f, 2 * f, 4, 2, 1)
        self.mu = nn.Linear(2 * f * 7 * 7, latent)
        self.logvar = nn.Linear(2 * f * 7 * 7, latent)
        self.fc = nn.Linear(latent, 2 * f * 7 * 7)
        self.deconv1 = nn.ConvTranspose2d(2 * f, f, 4, 2, 1)
        self.deconv2 = nn.ConvTranspose2d(f, 1, 4, 2, 1)

    def forward(self, x):
        h = F.relu(self.conv2(F.relu(self.conv1(x)))).flatten(1)
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        y = torch.sigmoid(self.deconv2(F.relu(self.deconv1(self.fc(z).view(-1, 2 * self.f, 7, 7)))))
        return y, mu, logvar


def spin():
    x = 0
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--busy", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(args.busy)]
    for p in spinners:
        p.start()

    images = torch.randint(0, 256, (4000, 28, 28), dtype=torch.uint8)
    model = Vae()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        idx = torch.randint(0, images.shape[0], (64,))
        x = images.index_select(0, idx).float().div(255).unsqueeze(1)
        y, mu, logvar = model(x)
        loss = F.binary_cross_entropy(y, x, reduction="sum") - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    for _ in range(10):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, busy {args.busy}: "
          f"{args.steps * 64 / seconds:.0f} images/s ({1000 * seconds / args.steps:.2f} ms/step)")
    for p in spinners:
        p.terminate()


if __name__ == "__main__":
    main()
