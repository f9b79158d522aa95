"""Who may see and do what. Views, templates, the API and the admin all ask this module.

Roles: a platform administrator (superuser) may do everything; a coordinator of a
municipality edits its profile, invites its people, and edits the partnership-level content
of every partnership the municipality belongs to; staff and citizens of a member municipality
see that partnership's members-only content. Visitors see public partnerships only.

``get_*_for_user`` fetch and check in one call: 404 where the user may not see the object,
403 where they may see it but not change it.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
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


def member_ids(partnership: Partnership) -> set[int]:
    """Ids of the partnership's member municipalities, read once (or from a prefetch) and kept on the object."""
    cached = getattr(partnership, "_member_ids", None)
    if cached is None:
        cached = {m.municipality_id for m in partnership.memberships.all()}
        partnership._member_ids = cached
    return cached


def role_in_partnership(user, partnership: Partnership) -> str | None:
    """The highest role the user holds in any member municipality."""
    roles = roles_of(user)
    held = [roles[mid] for mid in member_ids(partnership) if mid in roles]
    return max(held, key=lambda role: ROLE_RANK[role]) if held else None


# --- Partnerships -------------------------------------------------------------------------


def can_view_partnership(user, partnership: Partnership) -> bool:
    return partnership.is_public or is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def can_edit_partnership(user, partnership: Partnership) -> bool:
    """Partnership-level content is editable by the coordinators of every member."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) == Role.COORDINATOR


def member_partnerships_of(user) -> QuerySet[Partnership]:
    """The partnerships one of the user's municipalities is a member of, whatever the user's other rights."""
    return Partnership.objects.filter(memberships__municipality_id__in=list(roles_of(user))).distinct()


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
    return [mid for mid in sorted(member_ids(partnership)) if can_rate_for(user, mid)]


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


def get_assessment_by_id_for_user(user, pk: int, *, write: bool = False):
    """An exercise by id for the API: 404 unless the user may see it, 403 if it must change and may not."""
    from twinning.assessment.models import Assessment

    slug = Assessment.objects.filter(pk=pk).values_list("partnership__slug", flat=True).first()
    if slug is None:
        raise Http404
    return get_assessment_for_user(user, slug, pk, write=write)


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


def get_workshop_for_user(user, slug: str, code: str, *, write: bool = False):
    """A workshop for its facilitators: members see it (404 for others), coordinators open and close it (403)."""
    from twinning.assessment.models import Workshop

    partnership = _members_partnership(user, slug, write=write)
    try:
        workshop = Workshop.objects.select_related("round__assessment").get(
            code=code, round__assessment__partnership=partnership
        )
    except Workshop.DoesNotExist as exc:
        raise Http404 from exc
    workshop.round.assessment.partnership = partnership
    return workshop


def can_adopt_workshop(user, partnership: Partnership) -> bool:
    """Adopt a closed workshop's outcome into its round as a workshop group: the coordinators of a member."""
    return can_manage_assessments(user, partnership)


def get_workshop_to_adopt(user, slug: str, code: str):
    """A workshop whose outcome the user adopts: 404 for non-members, 403 unless ``can_adopt_workshop``."""
    workshop = get_workshop_for_user(user, slug, code)
    if not can_adopt_workshop(user, workshop.round.assessment.partnership):
        raise PermissionDenied
    return workshop


def get_workshop_by_code(code: str):
    """A workshop for participants without an account: the join code is the invitation; 404 for unknown codes."""
    from twinning.assessment.models import Workshop
    from twinning.foundation.selectors import with_members

    try:
        workshop = Workshop.objects.select_related("round__assessment").get(code=code)
    except Workshop.DoesNotExist as exc:
        raise Http404 from exc
    workshop.round.assessment.partnership = with_members(Partnership.objects.all()).get(
        pk=workshop.round.assessment.partnership_id
    )
    return workshop


def workshop_participant_by_token(workshop, token: str | None):
    """The participant of ``workshop`` holding ``token`` (given to her browser when she joined), or
    None: a participant rates only as herself, and without her token she has to join first."""
    from twinning.assessment.models import WorkshopParticipant

    if not token:
        return None
    participant = (
        WorkshopParticipant.objects.select_related("municipality").filter(workshop=workshop, token=token).first()
    )
    if participant is not None:
        participant.workshop = workshop
    return participant


def can_plan_actions(user, partnership: Partnership) -> bool:
    """The joint action plan: staff and coordinators of every member add and edit its items."""
    return bool(rating_municipality_ids(user, partnership))


def get_action_for_user(user, slug: str, pk: int, *, write: bool = False):
    from twinning.assessment.models import ActionItem

    partnership = _members_partnership(user, slug, write=False)
    try:
        item = ActionItem.objects.get(pk=pk, partnership=partnership)
    except ActionItem.DoesNotExist as exc:
        raise Http404 from exc
    if write and not can_plan_actions(user, partnership):
        raise PermissionDenied
    item.partnership = partnership
    return item


def get_network_municipality_for_user(user, slug: str) -> Municipality:
    """Network matching of a municipality and all its partners: its own people (every role) and admins; 404 otherwise."""
    try:
        municipality = Municipality.objects.get(slug=slug)
    except Municipality.DoesNotExist as exc:
        raise Http404 from exc
    if not (is_platform_admin(user) or municipality.pk in roles_of(user)):
        raise Http404
    return municipality


def can_view_whole_network(user) -> bool:
    """Matching across every municipality of the platform (the association's whole network): admins."""
    return is_platform_admin(user)


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
    members = member_ids(partnership)
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


def indicator_deciding_municipality(user, selection) -> Municipality:
    """The member municipality on whose behalf the user accepts or declines a proposal: the first
    member (in the partnership's order) they coordinate other than the proposer. Ask only after
    ``can_decide_selection``; reads the partnership's memberships (prefetch them with their
    municipality)."""
    deciders = indicator_coordinator_of(user, selection.partnership) - {selection.proposed_by_id}
    return next(m.municipality for m in selection.partnership.memberships.all() if m.municipality_id in deciders)


FIGURE_RECORDER_ROLES = frozenset({Role.STAFF, Role.COORDINATOR})


def can_record_figures(user, municipality: Municipality) -> bool:
    """Baselines, targets and measurements of a municipality: its own staff and coordinators."""
    return is_platform_admin(user) or roles_of(user).get(municipality.pk) in FIGURE_RECORDER_ROLES


def figure_recorders():
    """The active people who record a municipality's figures (and are reminded when one is due)."""
    return Membership.objects.filter(role__in=FIGURE_RECORDER_ROLES, user__is_active=True)


def indicator_discussion_municipality(user, partnership: Partnership) -> int | None:
    """The member municipality a person speaks for in an indicator's follow-up discussion: any role
    in a member municipality (a coordinator first); admins outside the partnership speak for none."""
    roles = roles_of(user)
    members = [mid for mid in member_ids(partnership) if mid in roles]
    members.sort(key=lambda mid: roles[mid] != Role.COORDINATOR)
    return members[0] if members else None


def can_discuss_indicator(user, partnership: Partnership) -> bool:
    """Members of both municipalities (every role) and admins comment on a selected indicator."""
    return is_platform_admin(user) or indicator_discussion_municipality(user, partnership) is not None


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
    "discuss_indicator": can_discuss_indicator,
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
    return [mid for mid in sorted(member_ids(partnership)) if can_rate_for(user, mid)]


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
            pk=pk, municipality_id__in=member_ids(partnership)
        )
    except Hero.DoesNotExist as exc:
        raise Http404 from exc
    if not can_rate_for(user, hero.municipality_id):
        raise PermissionDenied
    return partnership, hero


def citizen_photo_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities for which the user sends in SDG pictures: any role there, citizens included."""
    if is_platform_admin(user):
        return sorted(member_ids(partnership))
    roles = roles_of(user)
    return [mid for mid in sorted(member_ids(partnership)) if mid in roles]


def moderated_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities whose citizens' pictures the user approves or rejects: their coordinators."""
    if is_platform_admin(user):
        return sorted(member_ids(partnership))
    roles = roles_of(user)
    return [mid for mid in sorted(member_ids(partnership)) if roles.get(mid) == Role.COORDINATOR]


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


def can_manage_challenges(user, partnership: Partnership) -> bool:
    """Coordinators of every member (and admins) set up challenges between the members."""
    return can_edit_partnership(user, partnership)


def contribution_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Members for which the user logs challenge contributions: participants of any role there."""
    return citizen_photo_municipality_ids(user, partnership)


def get_challenge_for_user(user, slug: str, pk: int):
    """A challenge of a partnership the user may see; 404 otherwise."""
    from twinning.community.models import Challenge

    partnership = get_partnership_for_user(user, slug)
    try:
        challenge = Challenge.objects.get(pk=pk, partnership=partnership)
    except Challenge.DoesNotExist as exc:
        raise Http404 from exc
    challenge.partnership = partnership
    return challenge


def is_partnership_member(user, partnership: Partnership) -> bool:
    return is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def posts_visible_to(user, partnership: Partnership):
    """Feed posts not hidden: public ones for everyone who sees the partnership, all for its members."""
    from twinning.community.models import Post

    queryset = Post.objects.filter(partnership=partnership, hidden_at__isnull=True)
    if not is_partnership_member(user, partnership):
        queryset = queryset.filter(visibility=Post.Visibility.PUBLIC)
    return queryset


def get_post_for_user(user, slug: str, pk: int):
    """A visible post; hidden posts only for the partnership's moderators and their author; 404 otherwise."""
    from twinning.community.models import Post

    partnership = get_partnership_for_user(user, slug)
    if can_moderate_feed(user, partnership):
        queryset = Post.objects.filter(partnership=partnership)
    else:
        queryset = posts_visible_to(user, partnership)
        if user.is_authenticated:  # authors see their own hidden post, with the reason
            queryset = queryset | Post.objects.filter(partnership=partnership, author_id=user.pk)
    try:
        post = queryset.select_related("municipality", "author").get(pk=pk)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
    post.partnership = partnership
    return post


def can_post_in_feed(user, partnership: Partnership) -> bool:
    """Staff and coordinators of a member post in the joint feed."""
    return can_publish_story(user, partnership)


def can_comment(user, partnership: Partnership) -> bool:
    """Anyone with a role in a member municipality (citizens too) comments on posts and stories."""
    return is_partnership_member(user, partnership)


def can_moderate_feed(user, partnership: Partnership) -> bool:
    """Coordinators of every member hide and restore posts and comments of the joint feed."""
    return can_edit_partnership(user, partnership)


def get_feed_partnership(user, slug: str, *, post: bool = False, comment: bool = False, moderate: bool = False):
    """404 where the partnership is hidden; 403 where the user may not do what is asked."""
    partnership = get_partnership_for_user(user, slug)
    if (
        (post and not can_post_in_feed(user, partnership))
        or (comment and not can_comment(user, partnership))
        or (moderate and not can_moderate_feed(user, partnership))
    ):
        raise PermissionDenied
    return partnership


def public_stories():
    """Published stories of public partnerships, for the open API."""
    from twinning.community.models import Story

    return Story.objects.filter(is_published=True, partnership__visibility=Partnership.Visibility.PUBLIC)


def public_community(model, partnership_slug: str | None = None):
    """Heroes, SDG photos (of members of a public partnership) or challenges (of a public partnership), for the open API.

    With ``partnership_slug``, only those of that partnership, and nothing when it is members-only:
    the open API never tells who belongs to a members-only partnership."""
    public = Partnership.objects.filter(visibility=Partnership.Visibility.PUBLIC)
    if partnership_slug:
        public = public.filter(slug=partnership_slug)
    if hasattr(model, "partnership"):
        return model.objects.filter(partnership__in=public.values("pk"))
    return model.objects.filter(municipality__partnership_memberships__partnership__in=public.values("pk")).distinct()


PERMISSIONS_COMMUNITY = {
    "manage_challenges": can_manage_challenges,
    "post_in_feed": can_post_in_feed,
    "comment": can_comment,
    "moderate_feed": can_moderate_feed,
}


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
    return [mid for mid in sorted(member_ids(partnership)) if can_rate_for(user, mid)]


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


def can_contribute_to_parliament(user, parliament) -> bool:
    """Members with a seat and the coordinators write localised goals and discuss proposals."""
    return parliament_seat_of(user, parliament) is not None or can_manage_participation(user, parliament.partnership)


def can_vote_with_account(user) -> bool:
    """Online votes without a ballot code need a signed-in account with a verified e-mail address."""
    return bool(user and user.is_authenticated and getattr(user, "email_verified", False))


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


def can_chat(user, partnership: Partnership) -> bool:
    """A partnership's chat room is for its members: anyone with a role in a member municipality
    (citizens included), and platform admins. Even on a public partnership others do not see it."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) is not None


def can_moderate_chat(user, partnership: Partnership) -> bool:
    """Hiding a message (with a reason): the coordinators of every member, and admins."""
    return can_edit_partnership(user, partnership)


def get_chat_partnership(user, slug: str, *, moderate: bool = False) -> Partnership:
    """404 for anyone who is not a member (the room stays invisible), 403 on moderation for non-coordinators."""
    partnership = get_partnership_for_user(user, slug)
    if not can_chat(user, partnership):
        raise Http404
    if moderate and not can_moderate_chat(user, partnership):
        raise PermissionDenied
    return partnership


def get_chat_message_for_user(user, slug: str, pk: int, *, moderate: bool = False):
    """The message ``pk`` of the chat of partnership ``slug``, checked like ``get_chat_partnership``."""
    from twinning.chat.models import Message

    partnership = get_chat_partnership(user, slug, moderate=moderate)
    try:
        message = Message.objects.select_related("author").get(pk=pk, partnership=partnership)
    except Message.DoesNotExist as exc:
        raise Http404 from exc
    message.partnership = partnership
    return message


def chat_partnerships_of(user) -> QuerySet[Partnership]:
    """The partnerships whose chat the user may read (for the digest of mentions): all for platform admins."""
    if is_platform_admin(user):
        return Partnership.objects.all()
    return member_partnerships_of(user)


PERMISSIONS_CHAT: dict = {"chat": can_chat, "moderate_chat": can_moderate_chat}


# --- Games (twinning.games) -----------------------------------------------------------
# Published games are seen, and played, wherever their partnership is seen: visitors included
# (players under 16 need no account). Staff and coordinators of a member municipality author
# games played in their municipality and copy the partner's games; drafts are theirs only.
# A team is reached through its secret token (the capability URL of the team's phone).


def game_author_municipality_ids(user, partnership: Partnership) -> list[int]:
    """Member municipalities the user writes games for: their staff and coordinators."""
    return rating_municipality_ids(user, partnership)


def can_author_games(user, partnership: Partnership) -> bool:
    return bool(game_author_municipality_ids(user, partnership))


def can_edit_game(user, game) -> bool:
    """Authors and game masters of a game: staff and coordinators of the municipality it is played in."""
    return can_rate_for(user, game.municipality_id)


def get_partnership_for_games(user, slug: str, *, write: bool = False) -> Partnership:
    """404 where the partnership is hidden; 403 on write for anyone who authors no games there."""
    partnership = get_partnership_for_user(user, slug)
    if write and not can_author_games(user, partnership):
        raise PermissionDenied
    return partnership


def games_visible_to(user, partnership: Partnership):
    """Published games of the partnership, and the drafts of the municipalities the user authors for."""
    from twinning.games.models import Game

    own = game_author_municipality_ids(user, partnership)
    return Game.objects.filter(partnership=partnership).filter(Q(is_published=True) | Q(municipality_id__in=own))


def get_game_for_user(user, slug: str, pk: int, *, write: bool = False):
    """The game ``pk`` of partnership ``slug``: 404 where hidden (drafts of others), 403 where not editable."""
    from twinning.games.models import Game

    partnership = get_partnership_for_games(user, slug)
    try:
        game = games_visible_to(user, partnership).select_related("municipality").get(pk=pk)
    except Game.DoesNotExist as exc:
        raise Http404 from exc
    if write and not can_edit_game(user, game):
        raise PermissionDenied
    game.partnership = partnership
    return game


def get_team_for_token(token: str):
    """The team whose phone holds ``token``, with its game; 404 for an unknown token."""
    from twinning.games.models import Team

    try:
        return Team.objects.select_related("game", "game__partnership").get(token=token)
    except Team.DoesNotExist as exc:
        raise Http404 from exc


def can_moderate_checkin(user, place) -> bool:
    """Staff and coordinators of the place's municipality remove check-ins (and their pictures)."""
    return can_rate_for(user, place.municipality_id)


def get_quiz_room_for_host(user, code: str):
    """A class round of the quiz: only the teacher who opened it sees its scores (404 for anyone else)."""
    from twinning.games.models import QuizRoom

    room = QuizRoom.objects.filter(code=code, host=user).first() if user.is_authenticated else None
    if room is None:
        raise Http404
    return room


PERMISSIONS_GAMES: dict = {
    "author_games": can_author_games,
    "edit_game": can_edit_game,
    "moderate_checkin": can_moderate_checkin,
}


# --- SDG mapper (twinning.mapper) -----------------------------------------------------


def can_use_mapper(user, partnership: Partnership) -> bool:
    """Staff and coordinators of a member municipality map documents of the partnership."""
    return is_platform_admin(user) or role_in_partnership(user, partnership) in {Role.STAFF, Role.COORDINATOR}


def mapper_owner_ids(user, partnership: Partnership) -> list[int]:
    """The member municipalities on whose behalf the user may upload (every member for admins)."""
    members = sorted(member_ids(partnership))
    if is_platform_admin(user):
        return members
    roles = roles_of(user)
    return [mid for mid in members if roles.get(mid) in {Role.STAFF, Role.COORDINATOR}]


def can_view_document(user, document) -> bool:
    """Staff of the owner see a document; once shared, staff of every member see it too."""
    if is_platform_admin(user):
        return True
    if document.owner_id in mapper_owner_ids(user, document.partnership):
        return True
    return document.shared and can_use_mapper(user, document.partnership)


def can_share_document(user, document) -> bool:
    """Staff and coordinators of the owner municipality share or unshare it."""
    return is_platform_admin(user) or document.owner_id in mapper_owner_ids(user, document.partnership)


def get_mapper_partnership(user, slug: str) -> Partnership:
    """404 where the user is no staff or coordinator of a member."""
    partnership = get_partnership_for_user(user, slug)
    if not can_use_mapper(user, partnership):
        raise Http404
    return partnership


def documents_visible_to(user, partnership: Partnership):
    """The partnership's documents the user may see: their own municipality's and the shared ones."""
    from twinning.mapper.models import MappedDocument

    documents = MappedDocument.objects.filter(partnership=partnership)
    if is_platform_admin(user):
        return documents
    return documents.filter(Q(owner_id__in=mapper_owner_ids(user, partnership)) | Q(shared=True))


def get_document_for_user(user, slug: str, pk: int, *, write: bool = False):
    """The document ``pk`` of partnership ``slug``: 404 where not visible, 403 where not the owner's staff."""
    partnership = get_mapper_partnership(user, slug)
    try:
        document = documents_visible_to(user, partnership).select_related("owner").get(pk=pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    document.partnership = partnership
    if write and not can_share_document(user, document):
        raise PermissionDenied
    return document


PERMISSIONS_MAPPER: dict = {
    "use_mapper": can_use_mapper,
    "share_document": can_share_document,
}


# --- Platform -----------------------------------------------------------------------------


def can_use_admin(user) -> bool:
    return is_platform_admin(user)


PERMISSIONS = {
    "view_partnership": can_view_partnership,
    "edit_partnership": can_edit_partnership,
    "edit_municipality": can_edit_municipality,
    "manage_people": can_manage_people,
    **PERMISSIONS_INDICATORS,
    **PERMISSIONS_COMMUNITY,
    **PERMISSIONS_PARTICIPATION,
    **PERMISSIONS_CHAT,
    **PERMISSIONS_GAMES,
    **PERMISSIONS_MAPPER,
}


def allowed(user, permission: str, obj) -> bool:
    """For templates: ``{% can "edit_partnership" partnership as may_edit %}``."""
    return PERMISSIONS[permission](user, obj)
