"""The one SDG-link mechanism: set, read, filter, and the picker field."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import PartnershipFactory
from twinning.foundation.models import Partnership
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.links import SdgSelection, filter_by_goal, goal_selection, goal_shares, selection_for, set_links
from twinning.sdg.models import LocalTarget, Target


@pytest.mark.django_db
def test_a_target_brings_its_goal_and_links_are_replaced_not_added():
    partnership = PartnershipFactory()
    set_links(partnership, SdgSelection(frozenset({13}), frozenset({"6.1"})))
    assert selection_for(partnership) == SdgSelection(frozenset({6, 13}), frozenset({"6.1"}))
    set_links(partnership, SdgSelection(frozenset({5})))
    assert selection_for(partnership) == SdgSelection(frozenset({5}))
    assert partnership.sdg_links.count() == 1


@pytest.mark.django_db
def test_local_target_links_to_its_official_target_and_goal():
    partnership = PartnershipFactory()
    local = LocalTarget.objects.create(
        owner=partnership, target=Target.objects.get(code="6.1"), code="6.1.a", title={"en": "x"}
    )
    set_links(partnership, SdgSelection(local_targets=frozenset({local.pk})))
    link = partnership.sdg_links.get()
    assert (link.goal.number, link.target.code, link.local_target.code) == (6, "6.1", "6.1.a")


@pytest.mark.django_db
def test_unknown_references_are_refused_before_anything_is_written():
    partnership = PartnershipFactory()
    set_links(partnership, SdgSelection(frozenset({1})))
    with pytest.raises(ValueError):
        set_links(partnership, SdgSelection(frozenset({18})))
    assert selection_for(partnership).goals == {1}


def test_goal_selection_takes_numbers_1_to_17_and_refuses_others_on_the_sdgs_field():
    assert goal_selection([13, 6, 13]) == SdgSelection(frozenset({6, 13}))
    assert goal_selection([]) == SdgSelection()
    for wrong in ([0], [5, 18]):
        with pytest.raises(ValidationError) as refused:
            goal_selection(wrong)
        assert refused.value.message_dict == {"sdgs": ["SDGs are numbered 1 to 17."]}
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        goal_selection([18])
    assert refused.value.message_dict == {"sdgs": ["SDG's zijn genummerd van 1 tot 17."]}


@pytest.mark.django_db
def test_filter_by_goal_finds_content_linked_to_it():
    water = PartnershipFactory()
    climate = PartnershipFactory()
    set_links(water, SdgSelection(frozenset({6})))
    set_links(climate, SdgSelection(frozenset({13}), frozenset({"13.1"})))
    assert list(filter_by_goal(Partnership.objects.all(), 13)) == [climate]
    assert filter_by_goal(Partnership.objects.all(), None).count() == 2


def test_goal_shares_are_relative_to_the_most_linked_goal():
    class Link:
        def __init__(self, number):
            self.goal = type("G", (), {"number": number})()

    assert goal_shares([Link(6), Link(6), Link(13)]) == {6: 1.0, 13: 0.5}
    assert goal_shares([]) == {}


@pytest.mark.django_db
def test_picker_field_cleans_goals_targets_and_rejects_strangers():
    field = SdgLinkField(required=False, local_targets=LocalTarget.objects.none())
    assert field.clean({"goals": ["6"], "targets": ["6.1"], "local": []}) == SdgSelection(
        frozenset({6}), frozenset({"6.1"})
    )
    with pytest.raises(Exception, match="Choose goals and targets from the list"):
        field.clean({"goals": ["19"], "targets": [], "local": []})
    with pytest.raises(Exception, match="Choose goals and targets from the list"):
        field.clean({"goals": [], "targets": ["6.99"], "local": []})
    required = SdgLinkField(required=True)
    with pytest.raises(Exception, match="Choose at least one SDG"):
        required.clean({"goals": [], "targets": [], "local": []})
