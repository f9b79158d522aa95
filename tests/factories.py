"""Factories: tests state only what matters. Default text carries <script> so escaping is always exercised."""

from __future__ import annotations

import factory
from django.conf import settings

from twinning.accounts.models import User
from twinning.foundation.models import Membership, Municipality, Partnership, PartnershipMember, Role

NASTY = "<script>alert('x')</script>"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n} {NASTY}")
    email_verified = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    slug = factory.Sequence(lambda n: f"town-{n}")
    name = factory.Sequence(lambda n: f"Town {n}")
    country = "BE"
    region = f"Region {NASTY}"
    population = 20000
    population_year = 2024
    latitude = 51.2
    longitude = 5.3
    languages = ["nl"]
    description = factory.LazyFunction(lambda: {"en": f"About the town {NASTY}", "nl": f"Over de gemeente {NASTY}"})


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"partnership-{n}")
    title = factory.LazyAttribute(lambda o: {code: f"Partnership {o.slug} {NASTY}" for code, _n in settings.LANGUAGES})
    description = factory.LazyFunction(lambda: {"en": f"Working together {NASTY}"})
    since = 2001

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if not create:
            return
        members = extracted if extracted is not None else [MunicipalityFactory(), MunicipalityFactory(country="NA")]
        for order, municipality in enumerate(members):
            PartnershipMember.objects.create(partnership=obj, municipality=municipality, order=order)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Role.STAFF
