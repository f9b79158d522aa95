"""The API at /api/v1/ with its OpenAPI document at /api/v1/openapi.json: public reads, and each
feature app's router (members' writes with the session login and its CSRF token)."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.schemas import ApiIndexOut, ErrorOut, GoalOut, MunicipalityOut, PartnershipOut
from twinning.assessment.api import router as assessment_router
from twinning.chat.api import router as chat_router
from twinning.community.api import router as community_router
from twinning.foundation import policy, selectors
from twinning.foundation.models import Partnership
from twinning.games.api import router as games_router
from twinning.indicators.api import router as indicators_router
from twinning.mapper.api import router as mapper_router
from twinning.participation.api import router as participation_router
from twinning.programme.api import router as programme_router
from twinning.sdg.links import prefetch_links
from twinning.sdg.selectors import goals_with_targets, sdg_counts
from twinning.visits.api import router as visits_router

api = NinjaAPI(
    title="SDG Twinning API",
    version="1",
    description="Data of the SDG Twinning platform: the 17 goals with their targets and global "
    "indicators, municipalities and public partnerships, and each feature's data. Reads of public data "
    "need no login; members write with their session login and its CSRF token. Texts come in en, nl, fr and es.",
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    problems = "; ".join(
        f"{'.'.join(str(p) for p in error.get('loc', []))}: {error.get('msg', '')}" for error in exc.errors
    )
    return api.create_response(
        request, {"detail": _("Invalid request: %(problems)s") % {"problems": problems}}, status=422
    )


@api.get("/", response=ApiIndexOut, tags=["Index"], summary="What this API offers", url_name="index")
def index(request):
    """Links to every list and the size of the SDG reference data."""
    return {
        "goals": request.build_absolute_uri(reverse("api:list_goals")),
        "municipalities": request.build_absolute_uri(reverse("api:list_municipalities")),
        "partnerships": request.build_absolute_uri(reverse("api:list_partnerships")),
        "openapi": request.build_absolute_uri(reverse("api:openapi-json")),
        "counts": sdg_counts(),
    }


@api.get("/goals", response=list[GoalOut], tags=["SDGs"], summary="The 17 goals with their targets and indicators")
def list_goals(request):
    return goals_with_targets()


@api.get("/goals/{number}", response={200: GoalOut, 404: ErrorOut}, tags=["SDGs"], summary="One goal")
def get_goal(request, number: int):
    goal = goals_with_targets().filter(number=number).first()
    if goal is None:
        raise Http404
    return goal


@api.get("/municipalities", response=list[MunicipalityOut], tags=["Partnerships"])
@paginate(LimitOffsetPagination)
def list_municipalities(request):
    return policy.municipalities_visible_to(request.user).order_by("name")


@api.get("/municipalities/{slug}", response={200: MunicipalityOut, 404: ErrorOut}, tags=["Partnerships"])
def get_municipality(request, slug: str):
    return policy.get_municipality_for_user(request.user, slug)


@api.get("/partnerships", response=list[PartnershipOut], tags=["Partnerships"])
@paginate(LimitOffsetPagination)
def list_partnerships(request, country: str | None = None, sdg: int | None = None):
    return selectors.partnership_list(request.user, country=country, sdg=sdg)


@api.get("/partnerships/{slug}", response={200: PartnershipOut, 404: ErrorOut}, tags=["Partnerships"])
def get_partnership(request, slug: str):
    queryset = prefetch_links(selectors.with_members(Partnership.objects.all()))
    return policy.get_partnership_for_user(request.user, slug, queryset=queryset)


api.add_router("/assessment", assessment_router)
api.add_router("/indicators", indicators_router)
api.add_router("/visits", visits_router)
api.add_router("/programme", programme_router)
api.add_router("/community", community_router)
api.add_router("/participation", participation_router)
api.add_router("/chat", chat_router)
api.add_router("/games", games_router)
api.add_router("/mapper", mapper_router)
