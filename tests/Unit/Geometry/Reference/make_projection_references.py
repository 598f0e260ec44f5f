"""Writes the reference outputs that the Geometry tests compare LaVae's projections and scores with.

projections.json holds small fixed inputs (drawn here from NumPy's seeded RandomState and stored, so
the C# tests read the very same numbers) and what scikit-learn makes of them: PCA, FastICA (with
the w_init stored beside it), t-SNE's conditional and joint P, an exact t-SNE run (its KL divergence
and trustworthiness), trustworthiness of fixed embeddings, and silhouette scores.
Run with Debian bookworm's packages:
    apt-get install python3-sklearn
    /usr/bin/python3 make_projection_references.py
(scikit-learn 1.2.1, NumPy 1.24.2, SciPy 1.10.1.)
"""
import json
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.spatial.distance import squareform
from sklearn.decomposition import PCA, FastICA
from sklearn.linear_model import RidgeClassifier
from sklearn.manifold import TSNE, trustworthiness
from sklearn.manifold import _t_sne, _utils
from sklearn.metrics import pairwise_distances, silhouette_score

OUT = pathlib.Path(__file__).parent
rng = np.random.RandomState(20230306)


def rows(a):
    """Numbers with 13 significant digits: far below the tests' tolerances, and a small file."""
    return np.vectorize(lambda v: float(f"{v:.13g}"))(np.asarray(a, dtype=np.float64)).tolist()


P_ROWS = 24  # t-SNE's P is checked on its first rows (each row's bisection is independent of the others')


def clusters(centres, per_cluster, spread):
    """Gaussian clouds around the given centres, with their cluster labels."""
    points = [c + spread * rng.standard_normal((per_cluster, len(c))) for c in centres]
    labels = np.repeat(np.arange(len(centres)), per_cluster)
    return np.vstack(points), labels


# PCA: anisotropic Gaussian data, 40 samples in 6 dimensions.
pca_x = rng.standard_normal((40, 6)) * np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.25]) @ rng.standard_normal((6, 6)) + 3.0
pca = PCA(n_components=3, svd_solver="full")
pca_embedding = pca.fit_transform(pca_x)

# FastICA: two non-Gaussian sources (uniform, Laplace) and a sine, mixed into 4 observed dimensions.
t = np.linspace(0, 8, 300)
sources = np.c_[rng.uniform(-1, 1, 300), rng.laplace(size=300), np.sin(3 * t)]
ica_x = sources @ rng.standard_normal((3, 4)) + 0.01 * rng.standard_normal((300, 4))
ica_w_init = rng.standard_normal((3, 3))
ica = FastICA(n_components=3, algorithm="parallel", whiten="unit-variance", fun="logcosh",
              whiten_solver="svd", tol=1e-4, max_iter=200, w_init=ica_w_init)
ica_sources = ica.fit_transform(ica_x)

# t-SNE: three clouds in 10 dimensions, 120 points; the paper's perplexity and iterations.
tsne_x, tsne_labels = clusters(rng.standard_normal((3, 10)) * 4.0, 40, 1.0)
squared = pairwise_distances(tsne_x, squared=True)
conditional = _utils._binary_search_perplexity(squared.astype(np.float32), 40.0, 0)
joint = squareform(_t_sne._joint_probabilities(squared, 40.0, 0))
tsne = TSNE(n_components=2, perplexity=40.0, n_iter=300, method="exact", init="pca",
            learning_rate="auto", random_state=0)
tsne_embedding = tsne.fit_transform(tsne_x)
pca_of_tsne_x = PCA(n_components=2, svd_solver="full").fit_transform(tsne_x)
noise_embedding = rng.standard_normal((120, 2))

# Silhouette: four clouds in 5 dimensions, overlapping a little.
sil_x, sil_labels = clusters(rng.standard_normal((4, 5)) * 1.5, 25, 1.0)

# Linear probe: RidgeClassifier trained on the even rows of the silhouette clouds, scored on the odd ones.
probe = RidgeClassifier(alpha=1.0).fit(sil_x[::2], sil_labels[::2])

reference = {
    "source": f"scikit-learn {sklearn.__version__}, NumPy {np.__version__}, SciPy {scipy.__version__}",
    "pca": {
        "x": rows(pca_x),
        "components": rows(pca.components_),
        "explained_variance": rows(pca.explained_variance_),
        "mean": rows(pca.mean_),
        "embedding": rows(pca_embedding),
    },
    "fastica": {
        "x": rows(ica_x),
        "w_init": rows(ica_w_init),
        "components": rows(ica.components_),
        "mean": rows(ica.mean_),
        "sources": rows(ica_sources),
        "n_iter": int(ica.n_iter_),
    },
    "tsne": {
        "x": rows(tsne_x),
        "labels": tsne_labels.tolist(),
        "perplexity": 40.0,
        "n_iter": 300,
        "conditional_p_first_rows": rows(conditional[:P_ROWS]),
        "joint_p_first_rows": rows(joint[:P_ROWS]),
        "kl_divergence": float(tsne.kl_divergence_),
        "n_iter_run": int(tsne.n_iter_) + 1,
        "trustworthiness": float(trustworthiness(tsne_x, tsne_embedding, n_neighbors=5)),
        "embedding": rows(tsne_embedding),
    },
    "trustworthiness": {
        "x": rows(tsne_x),
        "pca_embedding": rows(pca_of_tsne_x),
        "pca_value": float(trustworthiness(tsne_x, pca_of_tsne_x, n_neighbors=5)),
        "noise_embedding": rows(noise_embedding),
        "noise_value": float(trustworthiness(tsne_x, noise_embedding, n_neighbors=5)),
        "noise_value_10": float(trustworthiness(tsne_x, noise_embedding, n_neighbors=10)),
    },
    "silhouette": {
        "x": rows(sil_x),
        "labels": sil_labels.tolist(),
        "value": float(silhouette_score(sil_x, sil_labels)),
        "tsne_value": float(silhouette_score(tsne_x, tsne_labels)),
    },
    "probe": {
        "predictions": probe.predict(sil_x[1::2]).tolist(),
        "accuracy": float(probe.score(sil_x[1::2], sil_labels[1::2])),
    },
}
(OUT / "projections.json").write_text(json.dumps(reference, indent=None) + "\n")
print(json.dumps({k: v for k, v in reference["tsne"].items() if not isinstance(v, list)}))
print(reference["fastica"]["n_iter"], reference["trustworthiness"]["pca_value"], reference["silhouette"]["value"])
