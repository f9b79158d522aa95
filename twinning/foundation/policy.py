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


def can_view_assessments(user, partnership: Partnership) -> bool:
    """Assessments, the SDG index and materiality are private to the partnership's members."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def can_manage_assessments(user, partnership: Partnership) -> bool:
    """Start exercises and rounds, publish, set priorities: the coordinators of every member."""
    return can_edit_partnership(user, partnership)


def can_rate_for(user, municipality_id: int) -> bool:
    """Ratings, ideas and index scores of a municipality: its own staff and coordinators only."""
    return is_platform_admin(user) or roles_of(user).get(municipality_id) in (Role.STAFF, Role.COORDINATOR)


def rating_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities the user may rate and score for."""
    return [mid for mid in sorted(_member_ids(partnership)) if can_rate_for(user, mid)]


def _members_partnership(user, slug: str, *, write: bool) -> Partnership:
    from twinning.foundation.selectors import with_members

    partnership = get_partnership_for_user(user, slug, queryset=with_members(Partnership.objects.all()))
    if not can_view_assessments(user, partnership):
        raise Http404
    if write and not can_manage_assessments(user, partnership):
        raise PermissionDenied
    return partnership


def get_assessment_partnership_for_user(user, slug: str, *, write: bool = False) -> Partnership:
    """The partnership of the members-only assessment pages: 404 for non-members, 403 for non-coordinators."""
    return _members_partnership(user, slug, write=write)


def get_assessment_for_user(user, slug: str, pk: int, *, write: bool = False):
    from twinning.assessment.models import Assessment

    partnership = _members_partnership(user, slug, write=False)
    try:
        assessment = Assessment.objects.get(pk=pk, partnership=partnership)
    except Assessment.DoesNotExist as exc:
        raise Http404 from exc
    if write and not can_manage_assessments(user, partnership):
        raise PermissionDenied
    assessment.partnership = partnership
    return assessment


def get_round_for_user(user, slug: str, pk: int, number: int, *, write: bool = False):
    from twinning.assessment.models import Round

    assessment = get_assessment_for_user(user, slug, pk, write=write)
    try:
        round_ = Round.objects.get(assessment=assessment, number=number)
    except Round.DoesNotExist as exc:
        raise Http404 from exc
    round_.assessment = assessment
    return round_


def get_published_round(user, slug: str, pk: int, number: int):
    """A round the coordinators published, on a partnership the user may see; 404 otherwise."""
    from twinning.assessment.models import Round

    partnership = get_partnership_for_user(user, slug)
    try:
        return Round.objects.select_related("assessment__partnership").get(
            assessment__pk=pk, assessment__partnership=partnership, number=number, published_at__isnull=False
        )
    except Round.DoesNotExist as exc:
        raise Http404 from exc


def get_round_by_id_for_user(user, round_id: int):
    """A round by id for the API: 404 unless the user may see the partnership's assessments."""
    from twinning.assessment.models import Round

    try:
        round_ = Round.objects.select_related("assessment__partnership").get(pk=round_id)
    except Round.DoesNotExist as exc:
        raise Http404 from exc
    partnership = _members_partnership(user, round_.assessment.partnership.slug, write=False)
    round_.assessment.partnership = partnership
    return round_


def published_rounds_visible_to(user):
    from twinning.assessment.models import Round

    return Round.objects.filter(
        published_at__isnull=False, assessment__partnership__in=partnerships_visible_to(user).values("pk")
    )


# --- Indicators: selection, targets, measurements (issue 4) -------------------------------


def can_view_indicator_work(user, partnership: Partnership) -> bool:
    """A partnership's selected indicators, figures and dashboard: its members (every role) and admins."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def get_partnership_indicators_for_user(user, slug: str, *, write: bool = False, queryset=None) -> Partnership:
    """404 for non-members (even of a public partnership: figures are members-only), 403 for
    members who may not change the selection (only coordinators propose and decide)."""
    partnership = get_partnership_for_user(user, slug, queryset=queryset)
    if not can_view_indicator_work(user, partnership):
        raise Http404
    if write and not can_edit_partnership(user, partnership):
        raise PermissionDenied
    return partnership


def indicator_coordinator_of(user, partnership: Partnership) -> set[int]:
    """Member municipalities for which the user proposes and decides indicators."""
    members = _member_ids(partnership)
    if is_platform_admin(user):
        return set(members)
    roles = roles_of(user)
    return {mid for mid in members if roles.get(mid) == Role.COORDINATOR}


def can_propose_indicator(user, partnership: Partnership) -> bool:
    return bool(indicator_coordinator_of(user, partnership))


def can_decide_selection(user, selection) -> bool:
    """One member proposes, a coordinator of another member accepts or declines."""
    if selection.status != "proposed":
        return False
    return bool(indicator_coordinator_of(user, selection.partnership) - {selection.proposed_by_id})


def can_record_figures(user, municipality: Municipality) -> bool:
    """Baselines, targets and measurements of a municipality: its own staff and coordinators."""
    return is_platform_admin(user) or roles_of(user).get(municipality.pk) in {Role.STAFF, Role.COORDINATOR}


def indicators_visible_to(user) -> QuerySet:
    """The curated library for everyone; a partnership's own indicators for its members only."""
    from twinning.indicators.models import LibraryIndicator  # the feature app sits above the policy

    queryset = LibraryIndicator.objects.all()
    if is_platform_admin(user):
        return queryset
    municipality_ids = list(roles_of(user))
    if not municipality_ids:
        return queryset.filter(owner__isnull=True)
    own = Partnership.objects.filter(memberships__municipality_id__in=municipality_ids).values("pk")
    return queryset.filter(Q(owner__isnull=True) | Q(owner__in=own))


def get_indicator_for_user(user, pk: int, *, queryset=None):
    from twinning.indicators.models import LibraryIndicator

    queryset = queryset if queryset is not None else indicators_visible_to(user)
    try:
        return queryset.get(pk=pk)
    except LibraryIndicator.DoesNotExist as exc:
        raise Http404 from exc


PERMISSIONS_INDICATORS = {
    "view_indicator_work": can_view_indicator_work,
    "propose_indicator": can_propose_indicator,
    "decide_selection": can_decide_selection,
    "record_figures": can_record_figures,
}


# --- Visits: programme, work visits, agreements, CO2 (issue 5) ----------------------------


def can_view_visits(user, partnership: Partnership) -> bool:
    """Work visits (delegations, programmes, CO2) are members-only: staff and coordinators of a member."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) in {Role.STAFF, Role.COORDINATOR}


def can_edit_visits(user, partnership: Partnership) -> bool:
    """Coordinators of every member municipality create and edit visits."""
    return can_edit_partnership(user, partnership)


def get_partnership_for_visits(user, slug: str, *, write: bool = False) -> Partnership:
    """404 where the user is no staff or coordinator of a member, 403 where they may not edit."""
    partnership = get_partnership_for_user(user, slug)
    if not can_view_visits(user, partnership):
        raise Http404
    if write and not can_edit_visits(user, partnership):
        raise PermissionDenied
    return partnership


def get_visit_for_user(user, slug: str, pk: int, *, write: bool = False, queryset=None):
    """The visit ``pk`` of partnership ``slug``, checked like ``get_partnership_for_visits``."""
    from twinning.visits.models import Visit

    partnership = get_partnership_for_visits(user, slug, write=write)
    queryset = queryset if queryset is not None else Visit.objects.all()
    try:
        visit = queryset.select_related("host").get(pk=pk, partnership=partnership)
    except Visit.DoesNotExist as exc:
        raise Http404 from exc
    visit.partnership = partnership
    return visit


def visits_visible_to(user):
    """Visits of the partnerships where the user is staff or coordinator of a member (all for admins)."""
    from twinning.visits.models import Visit

    if is_platform_admin(user):
        return Visit.objects.all()
    municipality_ids = [mid for mid, role in roles_of(user).items() if role in {Role.STAFF, Role.COORDINATOR}]
    if not municipality_ids:
        return Visit.objects.none()
    return Visit.objects.filter(
        partnership__in=Partnership.objects.filter(memberships__municipality_id__in=municipality_ids).values("pk")
    )


# --- Programme: multi-annual programme, activities, budgets, protocol (issue 5) -------------


def can_view_programme(user, partnership: Partnership) -> bool:
    """Programmes and the protocol are members-only: staff and coordinators of a member."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) in {Role.STAFF, Role.COORDINATOR}


def can_edit_programme(user, partnership: Partnership) -> bool:
    """Coordinators of every member municipality draw up the programme and the protocol."""
    return can_edit_partnership(user, partnership)


def get_partnership_for_programme(user, slug: str, *, write: bool = False) -> Partnership:
    """404 where the user is no staff or coordinator of a member, 403 where they may not edit."""
    partnership = get_partnership_for_user(user, slug)
    if not can_view_programme(user, partnership):
        raise Http404
    if write and not can_edit_programme(user, partnership):
        raise PermissionDenied
    return partnership


def get_programme_for_user(user, slug: str, pk: int, *, write: bool = False):
    """The programme ``pk`` of partnership ``slug``, checked like ``get_partnership_for_programme``."""
    from twinning.programme.models import Programme

    partnership = get_partnership_for_programme(user, slug, write=write)
    try:
        programme = Programme.objects.get(pk=pk, partnership=partnership)
    except Programme.DoesNotExist as exc:
        raise Http404 from exc
    programme.partnership = partnership
    return programme


# --- Community: stories, good practices, heroes, photos (issue 7) -------------------------


def can_view_stories(user, partnership: Partnership) -> bool:
    """Stories, heroes and photos are seen wherever the partnership is: public, or its members."""
    return can_view_partnership(user, partnership)


def community_author_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities for which the user publishes stories and names heroes: its staff and coordinators."""
    return [mid for mid in sorted(_member_ids(partnership)) if can_rate_for(user, mid)]


def can_publish_story(user, partnership: Partnership) -> bool:
    return bool(community_author_ids(user, partnership))


def can_edit_story(user, story) -> bool:
    """Its author (while still staff there) and the coordinators of the story's municipality."""
    if is_platform_admin(user):
        return True
    role = roles_of(user).get(story.municipality_id)
    if role == Role.COORDINATOR:
        return True
    return role == Role.STAFF and story.author_id is not None and story.author_id == user.pk


def get_community_partnership(user, slug: str, *, write: bool = False) -> Partnership:
    """404 where the partnership is hidden; 403 on write for anyone who is no staff or coordinator of a member."""
    partnership = get_partnership_for_user(user, slug)
    if write and not can_publish_story(user, partnership):
        raise PermissionDenied
    return partnership


def get_story_for_user(user, slug: str, pk: int, *, write: bool = False):
    from twinning.community.models import Story

    partnership = get_partnership_for_user(user, slug)
    queryset = Story.objects.select_related("municipality", "author")
    if not (write or is_platform_admin(user)):
        queryset = queryset.filter(Q(is_published=True) | Q(author_id=getattr(user, "pk", None)))
    try:
        story = queryset.get(pk=pk, partnership=partnership)
    except Story.DoesNotExist as exc:
        raise Http404 from exc
    if write and not can_edit_story(user, story):
        raise PermissionDenied
    story.partnership = partnership
    return story


def get_hero_for_user(user, slug: str, pk: int):
    """A hero of a member municipality, for its staff and coordinators to edit or remove; 403 for others."""
    from twinning.community.models import Hero

    partnership = get_partnership_for_user(user, slug)
    try:
        hero = Hero.objects.select_related("municipality", "goal").get(
            pk=pk, municipality_id__in=_member_ids(partnership)
        )
    except Hero.DoesNotExist as exc:
        raise Http404 from exc
    if not can_rate_for(user, hero.municipality_id):
        raise PermissionDenied
    return partnership, hero


def citizen_photo_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities for which the user sends in SDG pictures: any role there, citizens included."""
    if is_platform_admin(user):
        return sorted(_member_ids(partnership))
    roles = roles_of(user)
    return [mid for mid in sorted(_member_ids(partnership)) if mid in roles]


def moderated_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities whose citizens' pictures the user approves or rejects: their coordinators."""
    if is_platform_admin(user):
        return sorted(_member_ids(partnership))
    roles = roles_of(user)
    return [mid for mid in sorted(_member_ids(partnership)) if roles.get(mid) == Role.COORDINATOR]


def get_photo_submission_partnership(user, slug: str) -> Partnership:
    """404 where the partnership is hidden; 403 for anyone without a role in a member municipality."""
    partnership = get_partnership_for_user(user, slug)
    if not citizen_photo_municipality_ids(user, partnership):
        raise PermissionDenied
    return partnership


def get_moderation_partnership(user, slug: str) -> Partnership:
    """404 where the partnership is hidden; 403 for anyone who coordinates no member municipality."""
    partnership = get_partnership_for_user(user, slug)
    if not moderated_municipality_ids(user, partnership):
        raise PermissionDenied
    return partnership


def public_stories():
    """Published stories of public partnerships, for the open API."""
    from twinning.community.models import Story

    return Story.objects.filter(is_published=True, partnership__visibility=Partnership.Visibility.PUBLIC)


# --- Citizen participation (twinning.participation) -----------------------------------
# Consultations and parliaments are seen wherever the partnership is seen (public, or its
# members); drafts only by the coordinators. Results and ballot exports are public once closed.
# Coordinators of every member run them; staff of a municipality enter its paper tallies;
# anyone with a verified account or a ballot code votes in an open consultation; seated
# members of a parliament propose projects and vote on the budget.


def can_manage_participation(user, partnership: Partnership) -> bool:
    """Create, open and close consultations and parliaments, codes, moderation, adoption."""
    return can_edit_partnership(user, partnership)


def paper_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities whose paper tallies the user enters: its staff and coordinators."""
    return [mid for mid in sorted(_member_ids(partnership)) if can_rate_for(user, mid)]


def can_see_phase(user, partnership: Partnership, phase: str) -> bool:
    return phase != "draft" or can_manage_participation(user, partnership)


def can_see_results(user, partnership: Partnership, phase: str) -> bool:
    """Everyone who sees the partnership once closed; while open, its coordinators only."""
    return phase == "closed" or (phase == "open" and can_manage_participation(user, partnership))


def get_participation_partnership(user, slug: str, *, write: bool = False) -> Partnership:
    """404 where the partnership is hidden; 403 on write for anyone who coordinates no member."""
    partnership = get_partnership_for_user(user, slug)
    if write and not can_manage_participation(user, partnership):
        raise PermissionDenied
    return partnership


def _participation_object(user, slug: str, model, pk: int, *, write: bool):
    partnership = get_participation_partnership(user, slug)
    try:
        obj = model.objects.get(pk=pk, partnership=partnership)
    except model.DoesNotExist as exc:
        raise Http404 from exc
    if not can_see_phase(user, partnership, obj.phase):
        raise Http404
    if write and not can_manage_participation(user, partnership):
        raise PermissionDenied
    obj.partnership = partnership
    return obj


def get_consultation_for_user(user, slug: str, pk: int, *, write: bool = False):
    """A consultation of a partnership the user sees: 404 for drafts of others, 403 on write for non-coordinators."""
    from twinning.participation.models import Consultation

    return _participation_object(user, slug, Consultation, pk, write=write)


def get_consultation_results_for_user(user, slug: str, pk: int):
    """The results: public once closed (404 before, except for the coordinators)."""
    consultation = get_consultation_for_user(user, slug, pk)
    if not can_see_results(user, consultation.partnership, consultation.phase):
        raise Http404
    return consultation


def get_community_for_paper(user, slug: str, pk: int, community_pk: int):
    """A community whose paper tallies the user enters: 403 unless staff or coordinator of its municipality."""
    consultation = get_consultation_for_user(user, slug, pk)
    try:
        community = consultation.communities.select_related("municipality").get(pk=community_pk)
    except consultation.communities.model.DoesNotExist as exc:
        raise Http404 from exc
    if not can_rate_for(user, community.municipality_id):
        raise PermissionDenied
    community.consultation = consultation
    return community


def get_parliament_for_user(user, slug: str, pk: int, *, write: bool = False):
    from twinning.participation.models import Parliament

    return _participation_object(user, slug, Parliament, pk, write=write)


def get_parliament_results_for_user(user, slug: str, pk: int):
    parliament = get_parliament_for_user(user, slug, pk)
    if not can_see_results(user, parliament.partnership, parliament.phase):
        raise Http404
    return parliament


def parliament_seat_of(user, parliament):
    """The user's seat in the parliament, or None."""
    if not (user and user.is_authenticated):
        return None
    return parliament.members.filter(user=user).select_related("municipality").first()


def get_budget_proposal_for_user(user, slug: str, pk: int, proposal_pk: int):
    """A project proposal; hidden ones only for the coordinators (404 for everyone else)."""
    parliament = get_parliament_for_user(user, slug, pk)
    proposals = parliament.proposals.select_related("municipality")
    if not can_manage_participation(user, parliament.partnership):
        proposals = proposals.filter(hidden_reason="")
    try:
        proposal = proposals.get(pk=proposal_pk)
    except proposals.model.DoesNotExist as exc:
        raise Http404 from exc
    proposal.parliament = parliament
    return proposal


def get_debate_for_user(user, slug: str, pk: int, *, write: bool = False):
    """A youth debate, seen like a consultation; written by the coordinators."""
    from twinning.participation.models import YouthDebate

    return _participation_object(user, slug, YouthDebate, pk, write=write)


PERMISSIONS_PARTICIPATION: dict = {"manage_participation": can_manage_participation}


# --- Chat (twinning.chat) -------------------------------------------------------------

PERMISSIONS_CHAT: dict = {}


# --- Games (twinning.games) -----------------------------------------------------------

PERMISSIONS_GAMES: dict = {}


# --- SDG mapper (twinning.mapper) -----------------------------------------------------

PERMISSIONS_MAPPER: dict = {}


# --- Platform -----------------------------------------------------------------------------


def can_use_admin(user) -> bool:
    return is_platform_admin(user)


PERMISSIONS = {
    "view_partnership": can_view_partnership,
    "edit_partnership": can_edit_partnership,
    "edit_municipality": can_edit_municipality,
    "manage_people": can_manage_people,
    **PERMISSIONS_INDICATORS,
    **PERMISSIONS_PARTICIPATION,
    **PERMISSIONS_CHAT,
    **PERMISSIONS_GAMES,
    **PERMISSIONS_MAPPER,
}


def allowed(user, permission: str, obj) -> bool:
    """For templates: ``{% can "edit_partnership" partnership as may_edit %}``."""
    return PERMISSIONS[permission](user, obj)
