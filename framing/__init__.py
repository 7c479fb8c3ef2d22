"""framing: interpretable media-framing and stance analysis.

Load a corpus of news articles (:mod:`framing.corpora`), segment it once with
character offsets (:mod:`framing.text`), and extract interpretable features
whose every number can be traced back to the spans that produced it.
"""

__version__ = "0.1.0"

from . import native as _native  # noqa: E402

if _native.pure_python_requested():  # run the sources even where compiled modules are installed
    _native._prefer_sources()

__all__ = ["__version__"]
