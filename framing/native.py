"""Which of framing's modules run compiled, and whether their compiled builds are current.

``setup.py`` compiles the attribution hot path with mypyc when it can, and records each
compiled module with the SHA-256 of the source it was compiled from (``native_build.json``).
The compiled and the pure-Python modules give identical results; the compiled ones are faster.
In an editable install a compiled module takes precedence over its source, so an edited source
runs only after a rebuild: :func:`check` warns when that has not happened.

``FRAMING_PURE_PYTHON=1`` in the environment, at install time, installs no compiled module; at
run time (before ``framing`` is imported) it makes Python import the sources even where compiled
modules are installed (for a debugger, line-level profiling, or to compare the two builds).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import json
import os
import sys
import warnings
from importlib import resources
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = ["build_info", "c_extension", "check", "compiled_modules", "describe",
           "pure_python_requested"]

BUILD_INFO = "native_build.json"  # written by setup.py next to the package
# the modules setup.py compiles (kept in step with its NATIVE_MODULES by a test)
_DEFAULT_MODULES = (
    "framing.attribution.quotes", "framing.attribution.rules", "framing.attribution.speakers",
    "framing.attribution.words", "framing.features.vader_rules", "framing.text._split",
    "framing.attribution._cue_hits",
)
# the C extensions written for framing (setup.py's C_MODULES), each with a Python equivalent
# that runs where it is not built or FRAMING_PURE_PYTHON=1 asks for the sources
_C_MODULES = ("framing.text._cscan",)


def build_info() -> dict:
    """What the last native build compiled: ``{"compiler": ..., "modules": {name: sha256}}``,
    or an empty dict when the package was installed as pure Python."""
    try:
        raw = resources.files("framing").joinpath(BUILD_INFO).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return json.loads(raw)


def compiled_modules() -> dict[str, bool]:
    """For every module the build compiles (or would compile), whether it runs compiled now.

    Examples
    --------
    >>> sorted(compiled_modules())[:2]
    ['framing.attribution._cue_hits', 'framing.attribution.quotes']
    """
    names = build_info().get("modules") or dict.fromkeys(_DEFAULT_MODULES)
    return {name: not str(importlib.import_module(name).__file__).endswith(".py")
            for name in sorted(names)}


def c_extension(name: str) -> ModuleType | None:
    """The C extension ``name`` (one of setup.py's ``C_MODULES``), or None when it is not built
    or ``FRAMING_PURE_PYTHON`` asks for the sources: its caller then runs the Python
    equivalent.

    Examples
    --------
    >>> ext = c_extension("framing.text._cscan")
    >>> ext is None or ext.token_spans("U.S. troops", 0, 11) == [(0, 3), (3, 4), (5, 11)]
    True
    """
    if name not in _C_MODULES:
        raise ValueError(f"unknown C extension {name!r}; known: {', '.join(_C_MODULES)}")
    if pure_python_requested():
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def describe() -> str:
    """One line for benchmark reports: which modules run compiled.

    Examples
    --------
    >>> describe().startswith(("compiled (mypyc): ", "pure Python"))
    True
    """
    modules = compiled_modules()
    compiled = [name.rpartition(".")[2] for name, c in modules.items() if c]
    if not compiled:
        return "pure Python"
    c_ext = [name.rpartition(".")[2] for name in _C_MODULES if c_extension(name) is not None]
    return (f"compiled (mypyc): {', '.join(compiled)} of {len(modules)} modules"
            + (f"; C: {', '.join(c_ext)}" if c_ext else ""))


def check() -> list[str]:
    """The compiled modules whose source changed after they were compiled, with a
    ``RuntimeWarning`` naming them (rebuild with ``pip install -e .``, or reinstall with
    ``FRAMING_PURE_PYTHON=1`` to run the sources)."""
    stale = []
    info = build_info()
    for name, digest in sorted((info.get("modules") or {}).items()):
        module = importlib.import_module(name)
        compiled = Path(str(module.__file__))
        if compiled.suffix == ".py":
            continue  # runs from its source: nothing can be stale
        source = compiled.with_name(compiled.name.split(".")[0] + ".py")
        if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            stale.append(name)
    for name, digest in sorted((info.get("c_modules") or {}).items()):
        module = c_extension(name)
        if module is None:
            continue
        compiled = Path(str(module.__file__))
        source = compiled.with_name(compiled.name.split(".")[0] + ".c")
        if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            stale.append(name)
    if stale:
        warnings.warn(f"compiled framing modules are older than their sources: "
                      f"{', '.join(stale)}; rebuild with `pip install -e .` (or reinstall with "
                      f"FRAMING_PURE_PYTHON=1 to run the sources)", RuntimeWarning, stacklevel=2)
    return stale


def pure_python_requested() -> bool:
    """Whether ``FRAMING_PURE_PYTHON`` asks for the pure-Python modules (set, and not "0")."""
    return os.environ.get("FRAMING_PURE_PYTHON", "").strip() not in ("", "0")


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the compiled modules of framing from their ``.py`` sources."""

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        if fullname not in _DEFAULT_MODULES or not path:
            return None
        leaf = fullname.rpartition(".")[2] + ".py"
        for entry in path:
            source = Path(entry) / leaf
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def _prefer_sources() -> None:
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())
