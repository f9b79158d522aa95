"""Writes on accounts: sign-up with e-mail verification."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from twinning.accounts.models import User
from twinning.accounts.tokens import email_verification_token


def verification_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_verification_token.make_token(user)
    return settings.SITE_URL + reverse("accounts:verify", kwargs={"uidb64": uid, "token": token})


def send_verification_email(user: User) -> None:
    body = render_to_string("accounts/email/verify.txt", {"user": user, "url": verification_url(user)})
    send_mail(_("Confirm your e-mail address for SDG Twinning"), body, None, [user.email])


@transaction.atomic
def citizen_signup(*, email: str, password: str, full_name: str, language: str) -> User:
    """An inactive account until the e-mail link is opened."""
    user = User.objects.create_user(email, password, full_name=full_name, language=language, is_active=False)
    transaction.on_commit(lambda: send_verification_email(user))
    return user


def verify_email(user: User, token: str) -> bool:
    if not email_verification_token.check_token(user, token):
        return False
    user.email_verified = True
    user.is_active = True
    user.save(update_fields=["email_verified", "is_active"])
    return True
