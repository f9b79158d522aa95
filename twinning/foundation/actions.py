"""Writes on municipalities, partnerships, memberships and invitations.

Each function validates before it writes and runs in one transaction, so bad input leaves
nothing half-written. Permission checks happen before these are called (policy module).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Invitation, Membership, Municipality, Partnership, Role, hash_token
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import LocalTarget, Target

INVITATION_DAYS = 14
MUNICIPALITY_PROFILE_FIELDS = [
    "name", "region", "population", "population_year", "latitude", "longitude",
    "languages", "website", "description",
]  # fmt: skip
PARTNERSHIP_FIELDS = ["title", "description", "since", "status"]


class InvitationError(Exception):
    pass


@transaction.atomic
def municipality_update(municipality: Municipality, *, expected_version: int, data: dict, photo=None) -> Municipality:
    for name, value in data.items():
        setattr(municipality, name, value)
    fields = list(data)
    if photo is not None:
        municipality.photo.save(photo.name, photo, save=False)
        fields.append("photo")
    save_versioned(municipality, expected_version, fields)
    return municipality


@transaction.atomic
def partnership_update(
    partnership: Partnership, *, expected_version: int, data: dict, sdg_focus: SdgSelection | None = None
) -> Partnership:
    for name, value in data.items():
        setattr(partnership, name, value)
    save_versioned(partnership, expected_version, list(data))
    if sdg_focus is not None:
        set_links(partnership, sdg_focus)
    return partnership


def invitation_url(token: str, language: str | None = None) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("foundation:invitation", kwargs={"token": token})


@transaction.atomic
def invitation_create(*, municipality: Municipality, email: str, role: str, invited_by, language: str) -> Invitation:
    """Store the invitation (hash of the token only) and e-mail the link once the row is committed."""
    email = email.strip().lower()
    if Membership.objects.filter(municipality=municipality, user__email__iexact=email, role=role).exists():
        raise InvitationError(
            _("This person already has that role in %(municipality)s.") % {"municipality": municipality}
        )
    token = Invitation.new_token()
    invitation = Invitation.objects.create(
        email=email,
        municipality=municipality,
        role=role,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    url = invitation_url(token, language)

    def send() -> None:
        with translation.override(language):
            body = render_to_string(
                "foundation/email/invitation.txt",
                {"invitation": invitation, "url": url, "inviter": invited_by, "days": INVITATION_DAYS},
            )
            subject = _("You are invited to SDG Twinning for %(municipality)s") % {"municipality": municipality}
        send_mail(subject, body, None, [email])

    transaction.on_commit(send)
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    invitation = Invitation.objects.select_related("municipality").filter(token_hash=hash_token(token)).first()
    return invitation if invitation and invitation.is_open else None


@transaction.atomic
def invitation_accept(invitation: Invitation, user) -> Membership:
    """Give the role; a higher role already held is kept."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_open:
        raise InvitationError(_("This invitation was used already or has expired."))
    membership, created = Membership.objects.get_or_create(
        user=user, municipality=locked.municipality, defaults={"role": locked.role}
    )
    rank = {Role.CITIZEN: 1, Role.STAFF: 2, Role.COORDINATOR: 3}
    if not created and rank[locked.role] > rank[membership.role]:
        membership.role = locked.role
        membership.save(update_fields=["role"])
    if not user.email_verified and user.email.lower() == locked.email.lower():
        user.email_verified = True
        user.save(update_fields=["email_verified"])
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_accept_new_account(invitation: Invitation, *, full_name: str, password: str, language: str):
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(_("An account with this e-mail address exists already. Log in to accept."))
    user = user_model.objects.create_user(
        invitation.email, password, full_name=full_name, language=language, email_verified=True
    )
    invitation_accept(invitation, user)
    return user


@transaction.atomic
def local_target_create(*, partnership: Partnership, target: Target, suffix: str, title: dict) -> LocalTarget:
    code = f"{target.code}.{suffix.strip().strip('.')}"
    try:
        with transaction.atomic():
            return LocalTarget.objects.create(owner=partnership, target=target, code=code, title=title)
    except IntegrityError as exc:
        raise ValueError(_("The partnership has a local target %(code)s already.") % {"code": code}) from exc
