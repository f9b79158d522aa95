"""Settings of the participation load benchmark: production settings with the per-client rate
limits lifted, because every simulated voter comes from 127.0.0.1."""

from config.settings import *  # noqa: F403

PARTICIPATION_RATE_LIMITS = {"vote": 10**9, "post": 10**9}
