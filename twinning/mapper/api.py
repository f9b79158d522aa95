"""The mapper part of /api/v1/, mounted by twinning/api/api.py: map a text to the SDGs.

POST /api/v1/mapper/map with {"text": ..., "language": optional "en"|"nl"|"fr"|"es"}. Nothing is
stored; the answer has the same shape as one entry of ``manage.py sdg_map --format json``.
"""

from __future__ import annotations

from ninja import Field, Router, Schema

from twinning.mapper.mapping import UnsupportedLanguage, map_text

router = Router(tags=["Mapper"])
MAX_CHARS = 200_000


class MapIn(Schema):
    text: str = Field(
        ..., min_length=1, max_length=MAX_CHARS, description="The text to map, at most 200,000 characters"
    )
    language: str | None = Field(None, pattern="^(en|nl|fr|es)$", description="Skip detection: en, nl, fr or es")


class PassageOut(Schema):
    goal: int
    text: str
    start: int
    end: int


class TargetOut(Schema):
    target: str
    matches: int


class MapOut(Schema):
    language: str
    words: int
    scores: dict[str, float] = Field(..., description='Keys "1" to "17", values from 0 to 1')
    top: list[int] = Field(..., description="Goals above the relevance threshold, strongest first")
    targets: list[TargetOut]
    passages: list[PassageOut]


class ErrorOut(Schema):
    detail: str


@router.post("/map", response={200: MapOut, 422: ErrorOut}, summary="Map a text to the SDGs", url_name="mapper_map")
def map_a_text(request, payload: MapIn):
    """Scores per SDG, the goals addressed, the targets most addressed and the passages that
    triggered each goal (offsets into the text sent)."""
    try:
        result = map_text(payload.text, payload.language).as_dict()
    except UnsupportedLanguage as exc:
        return 422, {"detail": str(exc.message)}
    result["passages"] = [{key: p[key] for key in ("goal", "text", "start", "end")} for p in result["passages"]]
    return 200, result
