"""Response schemas; resolvers read prefetched relations so list queries stay constant."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class Texts(Schema):
    en: str | None = None
    nl: str | None = None
    fr: str | None = None
    es: str | None = None


class IndicatorOut(Schema):
    code: str
    title: Texts


class TargetOut(Schema):
    code: str
    title: Texts
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_indicators(obj):
        return list(obj.indicators.all())


class GoalOut(Schema):
    number: int
    colour: str
    pillar: str
    short_title: Texts
    title: Texts
    targets: list[TargetOut]

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.all())


class MunicipalityOut(Schema):
    slug: str
    name: str
    country: str
    region: str
    population: int | None
    population_year: int | None
    latitude: float
    longitude: float
    languages: list[str]
    website: str
    description: Texts
    is_demo: bool

    @staticmethod
    def resolve_country(obj):
        return str(obj.country)


class SdgLinkOut(Schema):
    goal: int
    target: str | None
    local_target: str | None

    @staticmethod
    def resolve_goal(obj):
        return obj.goal.number

    @staticmethod
    def resolve_target(obj):
        return obj.target.code if obj.target_id else None

    @staticmethod
    def resolve_local_target(obj):
        return obj.local_target.code if obj.local_target_id else None


class PartnershipOut(Schema):
    slug: str
    title: Texts
    description: Texts
    since: int | None
    status: str
    members: list[MunicipalityOut]
    sdgs: list[SdgLinkOut]
    updated_at: datetime
    is_demo: bool

    @staticmethod
    def resolve_members(obj):
        return [membership.municipality for membership in obj.memberships.all()]

    @staticmethod
    def resolve_sdgs(obj):
        return list(obj.sdg_links.all())


class ErrorOut(Schema):
    detail: str


class SdgCounts(Schema):
    goals: int
    targets: int
    indicators: int


class ApiIndexOut(Schema):
    goals: str
    municipalities: str
    partnerships: str
    openapi: str
    counts: SdgCounts
