#!/usr/bin/env python3
"""Alternated `lavae bench` rounds of several builds, for speed comparisons on a shared machine.

Usage: alternated_bench.py ROUNDS STEPS BIN_DIR... (each BIN_DIR holds a `lavae`; the last is the
reference). Each round runs every build once, in alternating order, so drift of the machine's speed
falls on all of them alike; the ratio to the reference is taken within each round. Environment:
BUSY=n adds `--busy n`; EXTRA adds further arguments. Prints the median of each phase per build and
the per-round ratios (reference step time / this step time: above 1 is faster than the reference).
"""
import os
import re
import statistics
import subprocess
import sys

rounds, steps, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
extra = ['--busy', os.environ.get('BUSY', '0')] + os.environ.get('EXTRA', '').split()
phases = ['step', 'data', 'forward', 'backward', 'optimizer']
seen = {b: {k: [] for k in phases} for b in bins}
for r in range(rounds):
    for b in (bins if r % 2 == 0 else bins[::-1]):
        out = subprocess.run([os.path.join(b, 'lavae'), 'bench', '--steps', steps] + extra,
                             capture_output=True, text=True, check=True).stdout
        seen[b]['step'].append(float(re.search(r'\(([\d.]+) ms/step', out).group(1)))
        for k in phases[1:]:
            seen[b][k].append(float(re.search(k + r' ([\d.]+) ms', out).group(1)))
for b in bins:
    print(f"{b[-40:]:40s} " + "  ".join(f"{k} {statistics.median(seen[b][k]):6.2f}" for k in phases))
reference = bins[-1]
for b in bins[:-1]:
    ratios = [y / x for x, y in zip(seen[b]['step'], seen[reference]['step'])]
    print(f"{b}: median ratio {statistics.median(ratios):.3f}; rounds " + " ".join(f"{x:.3f}" for x in ratios))
