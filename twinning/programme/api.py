"""The programme part of /api/v1/, mounted by twinning/api/api.py."""

from ninja import Router

router = Router(tags=["Programme"])
