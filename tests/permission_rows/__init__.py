"""Rows of the permission matrix contributed by each feature app.

Each module here defines ``rows(world) -> {url_name: [(kwargs, {persona: status}, description)]}``
using the helpers of ``tests.urlmatrix`` (``everyone``, ``only``, ``LOGIN``, ``QUERY``).
``world`` is the fixture of tests/conftest.py; a module may create the objects it needs.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
