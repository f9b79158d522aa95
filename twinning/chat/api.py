"""The chat part of /api/v1/, mounted by twinning/api/api.py."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Chat"])
