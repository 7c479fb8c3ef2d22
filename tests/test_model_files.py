"""Training runs with one BLAS thread, so that model files are the same bytes on any machine."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info

from framing._model_files import one_blas_thread
from framing.attribution.learned import train_booster
from framing.features.loaded_tagger import train_loaded_words


def test_training_functions_run_with_one_blas_thread():
    seen = []

    @one_blas_thread
    def fit() -> float:
        seen.extend(p["num_threads"] for p in threadpool_info())
        a = np.arange(9.0).reshape(3, 3)
        return float((a @ a).sum())

    assert fit() == 486.0
    assert len(seen) >= 3 and set(seen) == {1}  # NumPy's and SciPy's OpenBLAS, OpenMP
    for trainer in (train_booster, train_loaded_words):  # both shipped-model trainers
        assert trainer.__wrapped__.__name__ == trainer.__name__
