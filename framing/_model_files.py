"""Reading the JSON model files shipped in ``framing/data`` (or given by path), with clear errors;
training them reproducibly."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


def one_blas_thread(fn: _F) -> _F:
    """Run a training function with one BLAS/OpenMP thread.

    Multi-threaded BLAS sums in an order that depends on the number of threads, so fits
    differed in the fourth decimal between a one-core and a two-core machine; with one
    thread a model file is the same bytes on any machine (same data, seed and library
    versions).
    """
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # load every BLAS and OpenMP library the fits use (SciPy and scikit-learn bring
        # their own) before limiting: threadpoolctl limits only the libraries loaded already
        import scipy.linalg  # noqa: F401
        import sklearn.linear_model  # noqa: F401
        from threadpoolctl import threadpool_limits  # a scikit-learn dependency

        with threadpool_limits(limits=1):
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def model_text(path: str | None, resource: str, retrain: str) -> tuple[str, str]:
    """The text of a model file and how to name it in errors.

    ``path`` None reads the shipped ``framing/<resource>``; a missing shipped
    file raises :class:`FileNotFoundError` saying how to rebuild it
    (``framing train <retrain>``).
    """
    if path is None:
        try:
            raw = resources.files("framing").joinpath(resource).read_text("utf-8")
        except FileNotFoundError:
            raise FileNotFoundError(f"shipped model missing: framing/{resource} (broken "
                                    f"install? rebuild it with 'framing train {retrain}')"
                                    ) from None
        return raw, f"framing/{resource}"
    with open(path, encoding="utf-8") as fh:
        return fh.read(), str(path)


def model_data(raw: str, where: str, fmt: str, version: int, body: Sequence[str]
               ) -> dict[str, Any]:
    """Parse a model file's JSON and check its ``format``, ``version`` and required keys.

    Raises :class:`ValueError` naming ``where`` when any check fails.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not a JSON model file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise ValueError(f"{where}: not a {fmt} model file")
    if data.get("version") != version:
        raise ValueError(f"{where}: model version {data.get('version')!r}, this framing reads "
                         f"version {version}")
    missing = [k for k in body if k not in data]
    if missing:
        raise ValueError(f"{where}: model file lacks {', '.join(missing)}")
    return data
