"""Forms of the visit pages. Validation across fields and objects lives in ``actions``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.models import LocalTarget
from twinning.uploads import validate_image
from twinning.visits.models import Agreement, CompensationPlan, Delegate, ProgrammeItem, TreePlanting, Visit


def _members(partnership: Partnership):
    return Municipality.objects.filter(partnership_memberships__partnership=partnership).order_by("name")


def _local_targets(partnership: Partnership):
    return LocalTarget.objects.filter(owner=partnership).select_related("target")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class VisitForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Visit
        fields = ["start_date", "end_date", "host", "purpose", "time_zone"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = _members(partnership)
        self.fields["sdgs"] = SdgLinkField(
            label=_("Chosen SDGs of the visit"), required=False, local_targets=_local_targets(partnership)
        )

    def _post_clean(self):
        """Model validation runs in the action (with its clear messages), not here."""


class DelegateForm(forms.ModelForm):
    class Meta:
        model = Delegate
        fields = [
            "name",
            "role",
            "organisation",
            "gender",
            "travelling_from",
            "cabin_class",
            "departure_airport",
            "arrival_airport",
        ]
        widgets = {
            "departure_airport": forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
            "arrival_airport": forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["travelling_from"].queryset = _members(partnership)
        self.fields["sdgs"] = SdgLinkField(
            label=_("SDGs this person works on"), required=False, local_targets=_local_targets(partnership)
        )

    def _post_clean(self):
        """Validated by the action."""


class ProgrammeItemForm(forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["day", "start_time", "end_time", "place", "who", "what", "good_practice"]
        widgets = {
            "day": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "what": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"] = SdgLinkField(
            label=_("SDGs of this item"), required=False, local_targets=_local_targets(partnership)
        )

    def _post_clean(self):
        """Validated by the action."""


class CompensationPlanForm(forms.ModelForm):
    class Meta:
        model = CompensationPlan
        fields = [
            "method",
            "kg_co2_per_tree_year",
            "tree_years",
            "trees_home",
            "trees_host",
            "include_non_co2",
            "offset_price_per_tonne",
            "offset_currency",
        ]

    def _post_clean(self):
        """Validated by the action (negative prices, the currency code)."""


class TreePlantingForm(forms.ModelForm):
    photo = forms.ImageField(label=_("photo"), required=False, validators=[validate_image])

    class Meta:
        model = TreePlanting
        fields = ["date", "municipality", "count", "place", "visit"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _members(partnership)
        self.fields["visit"].queryset = Visit.objects.filter(partnership=partnership).select_related("host")

    def _post_clean(self):
        """Validated by the action."""


class AgreementForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agreement
        fields = ["what", "owner_municipality", "owner_name", "owner_email", "deadline", "status", "follow_up"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "deadline": DateInput(),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_municipality"].queryset = _members(partnership)
        self.fields["sdgs"] = SdgLinkField(
            label=_("SDGs of this agreement"), required=False, local_targets=_local_targets(partnership)
        )

    def _post_clean(self):
        """Validated by the action."""
