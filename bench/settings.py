"""Bench-only settings overlay: config.settings unchanged except where static files live.

With DEBUG off the project uses CompressedManifestStaticFilesStorage, so every page that
calls {% static %} needs a collectstatic manifest, and STATIC_ROOT has no environment
variable. bench/run.sh collects into a throwaway directory (BENCH_STATIC_ROOT) and, when
the vendored leaflet.js points at a source map that `make install` did not copy, supplies
that map from a throwaway directory too (BENCH_EXTRA_STATIC) so collectstatic can finish.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import STATICFILES_DIRS

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
if os.environ.get("BENCH_EXTRA_STATIC"):
    STATICFILES_DIRS = [*STATICFILES_DIRS, os.environ["BENCH_EXTRA_STATIC"]]
