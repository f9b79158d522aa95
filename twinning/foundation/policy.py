"""Who may see and do what. Views, templates, the API and the admin all ask this module.

Roles: a platform administrator (superuser) may do everything; a coordinator of a
municipality edits its profile, invites its people, and edits the partnership-level content
of every partnership the municipality belongs to; staff and citizens of a member municipality
see that partnership's members-only content. Visitors see public partnerships only.

``get_*_for_user`` fetch and check in one call: 404 where the user may not see the object,
403 where they may see it but not change it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from twinning.foundation.models import Membership, Municipality, Partnership, Role

ROLE_RANK = {Role.CITIZEN: 1, Role.STAFF: 2, Role.COORDINATOR: 3}


def is_platform_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def roles_of(user) -> dict[int, str]:
    """Municipality id -> role, read once per request and kept on the user object."""
    if not (user and user.is_authenticated):
        return {}
    cached = getattr(user, "_twinning_roles", None)
    if cached is None:
        cached = dict(Membership.objects.filter(user=user).values_list("municipality_id", "role"))
        user._twinning_roles = cached
    return cached


def forget_roles(user) -> None:
    if hasattr(user, "_twinning_roles"):
        del user._twinning_roles


def _member_ids(partnership: Partnership) -> set[int]:
    cached = getattr(partnership, "_member_ids", None)
    if cached is None:
        cached = {m.municipality_id for m in partnership.memberships.all()}
        partnership._member_ids = cached
    return cached


def role_in_partnership(user, partnership: Partnership) -> str | None:
    """The highest role the user holds in any member municipality."""
    roles = roles_of(user)
    held = [roles[mid] for mid in _member_ids(partnership) if mid in roles]
    return max(held, key=lambda role: ROLE_RANK[role]) if held else None


# --- Partnerships -------------------------------------------------------------------------


def can_view_partnership(user, partnership: Partnership) -> bool:
    return partnership.is_public or is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def can_edit_partnership(user, partnership: Partnership) -> bool:
    """Partnership-level content is editable by the coordinators of every member."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) == Role.COORDINATOR


def partnerships_visible_to(user) -> QuerySet[Partnership]:
    queryset = Partnership.objects.all()
    if is_platform_admin(user):
        return queryset
    municipality_ids = list(roles_of(user))
    if not municipality_ids:
        return queryset.filter(visibility=Partnership.Visibility.PUBLIC)
    return queryset.filter(
        Q(visibility=Partnership.Visibility.PUBLIC) | Q(memberships__municipality_id__in=municipality_ids)
    ).distinct()


def get_partnership_for_user(user, slug: str, *, write: bool = False, queryset=None) -> Partnership:
    queryset = queryset if queryset is not None else Partnership.objects.all()
    try:
        partnership = queryset.prefetch_related("memberships").get(slug=slug)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc
    if not can_view_partnership(user, partnership):
        raise Http404
    if write and not can_edit_partnership(user, partnership):
        raise PermissionDenied
    return partnership


# --- Municipalities -----------------------------------------------------------------------


def municipalities_visible_to(user) -> QuerySet[Municipality]:
    """A municipality is visible where one of its partnerships is, or to its own people."""
    if is_platform_admin(user):
        return Municipality.objects.all()
    visible = Q(partnership_memberships__partnership__visibility=Partnership.Visibility.PUBLIC)
    municipality_ids = list(roles_of(user))
    if municipality_ids:
        partnership_ids = Partnership.objects.filter(memberships__municipality_id__in=municipality_ids).values("pk")
        visible |= Q(pk__in=municipality_ids) | Q(partnership_memberships__partnership__in=partnership_ids)
    return Municipality.objects.filter(visible).distinct()


def can_edit_municipality(user, municipality: Municipality) -> bool:
    """A municipality's own data: its coordinators only (not the partner's)."""
    return is_platform_admin(user) or roles_of(user).get(municipality.pk) == Role.COORDINATOR


def can_manage_people(user, municipality: Municipality) -> bool:
    return can_edit_municipality(user, municipality)


def invitable_roles(user, municipality: Municipality) -> list[str]:
    if is_platform_admin(user):
        return [Role.COORDINATOR, Role.STAFF]
    if roles_of(user).get(municipality.pk) == Role.COORDINATOR:
        return [Role.STAFF, Role.COORDINATOR]
    return []


def get_municipality_for_user(user, slug: str, *, write: bool = False) -> Municipality:
    try:
        municipality = municipalities_visible_to(user).get(slug=slug)
    except Municipality.DoesNotExist as exc:
        raise Http404 from exc
    if write and not can_edit_municipality(user, municipality):
        raise PermissionDenied
    return municipality


# --- Assessment: circle exercise, inventory, SDG index, matching, priorities (issue 3) -------


# --- Indicators: selection, targets, measurements (issue 4) -------------------------------


# --- Visits: programme, work visits, agreements, CO2 (issue 5) ----------------------------


# --- Platform -----------------------------------------------------------------------------


def can_use_admin(user) -> bool:
    return is_platform_admin(user)


def can_see_dashboard(user) -> bool:
    return bool(user and user.is_authenticated)


PERMISSIONS = {
    "view_partnership": can_view_partnership,
    "edit_partnership": can_edit_partnership,
    "edit_municipality": can_edit_municipality,
    "manage_people": can_manage_people,
}


def allowed(user, permission: str, obj) -> bool:
    """For templates: ``{% can "edit_partnership" partnership as may_edit %}``."""
    return PERMISSIONS[permission](user, obj)
