#!/usr/bin/env python3
"""Every smoke metric and claim verdict of two runs folders, side by side: how an engine change moved
the numbers.

    python3 compare_results.py OLD/runs NEW/runs [TITLE] > smoke-metrics.md

OLD/runs: `CI=true bash .ci/run` in a fresh clone of the commit before the change; NEW/runs: the same in
a fresh clone of the change. Relative change is (new - old) / |old|. smoke-metrics.md is the port from
LaVae's own libtorch 1.13 binding to TorchSharp 0.107 (LibTorch 2.10), the default TITLE;
decoder-layers-smoke-metrics.md is the decoder's column layer and bias change that followed it.
"""
import json, sys, glob, os, math, statistics

def flat(metrics):
    out = {}
    for k, v in metrics.items():
        if isinstance(v, dict):
            for s, x in v.items(): out[f"{k} [seed {s}]"] = x
        elif isinstance(v, list):
            for i, x in enumerate(v): out[f"{k} [{i}]"] = x
        else:
            out[k] = v
    return out

def load(root):
    runs = {}
    for p in sorted(glob.glob(os.path.join(root, '*', 'smoke', 'results.json'))):
        d = json.load(open(p))
        runs[d['experiment_id']] = d
    return runs

old, new = load(sys.argv[1]), load(sys.argv[2])
rows, verdicts, rels = [], [], []
for exp in sorted(set(old) | set(new)):
    o = flat(old[exp]['measurements']['metrics']) if exp in old else {}
    n = flat(new[exp]['measurements']['metrics']) if exp in new else {}
    for k in sorted(set(o) | set(n)):
        a, b = o.get(k), n.get(k)
        rel = None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a is not None and b is not None:
            rel = (b - a) / abs(a) if a != 0 else (0.0 if b == 0 else math.inf)
            if math.isfinite(rel): rels.append(abs(rel))
        rows.append((exp, k, a, b, rel))
    oc = {c['claim_id']: c for c in old.get(exp, {}).get('claims', [])}
    nc = {c['claim_id']: c for c in new.get(exp, {}).get('claims', [])}
    for cid in sorted(set(oc) | set(nc)):
        ov, nv = oc.get(cid, {}).get('verdict'), nc.get(cid, {}).get('verdict')
        verdicts.append((exp, cid, ov, nv, oc.get(cid, {}).get('measured'), nc.get(cid, {}).get('measured')))

def fmt(x):
    if x is None: return '—'
    if isinstance(x, float): return f"{x:.6g}"
    return str(x)

title = sys.argv[3] if len(sys.argv) > 3 else "libtorch 1.13 engine (old) against TorchSharp 0.107 / LibTorch 2.10 (new)"
print(f"# Smoke metrics: {title}\n")
print(f"{len(rows)} metrics in {len(set(r[0] for r in rows))} experiments. Median |relative change| "
      f"{statistics.median(rels):.3g}, 90th percentile {sorted(rels)[int(0.9*len(rels))]:.3g}, largest {max(rels):.3g}.\n")
changed = [v for v in verdicts if v[2] != v[3]]
print(f"## Claim verdicts ({len(verdicts)} claims, {len(changed)} changed)\n")
print("| experiment | claim | old | new | old measured | new measured |\n|---|---|---|---|---|---|")
for v in verdicts:
    mark = " **changed**" if v[2] != v[3] else ""
    print(f"| {v[0]} | {v[1]} | {v[2]} | {v[3]}{mark} | {v[4]} | {v[5]} |")
print("\n## Every metric\n\n| experiment | metric | old | new | relative change |\n|---|---|---|---|---|")
for e, k, a, b, rel in rows:
    print(f"| {e} | {k} | {fmt(a)} | {fmt(b)} | {'—' if rel is None else f'{rel:+.2%}'} |")
