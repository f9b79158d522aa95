"""Forms of the programme pages. Validation across fields and objects lives in ``actions``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership
from twinning.localized import LocalizedTextField
from twinning.programme.models import Activity, CampaignAction, CampaignPlan, Programme
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.models import LocalTarget


def _local_targets(partnership: Partnership):
    return LocalTarget.objects.filter(owner=partnership).select_related("target")


class ProgrammeForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Programme
        fields = ["title", "description", "start_year", "end_year"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def _post_clean(self):
        """Validated by the action (with its clear messages)."""


class TitleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "responsible",
            "department",
            "budget",
            "currency",
            "status",
            "year",
            "results",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "results": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Municipality.objects.filter(
            partnership_memberships__partnership=partnership
        ).order_by("name")
        self.fields["sdgs"] = SdgLinkField(
            label=_("SDGs and targets"), required=False, local_targets=_local_targets(partnership)
        )

    def _post_clean(self):
        """Validated by the action."""


class ProtocolItemForm(forms.Form):
    text = LocalizedTextField(label=_("Text"), textarea=True)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"] = SdgLinkField(
            label=_("SDGs of this item"), required=False, local_targets=_local_targets(partnership)
        )


class CampaignPlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CampaignPlan
        fields = ["aims", "audiences", "budget", "currency", "status"]
        widgets = {"aims": forms.Textarea(attrs={"rows": 3}), "audiences": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        """Validated by the action (negative budgets, the focus SDG)."""


class CampaignActionForm(forms.ModelForm):
    class Meta:
        model = CampaignAction
        fields = ["channel", "what", "date", "owner", "cost", "currency", "rate"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def _post_clean(self):
        """Validated by the action (the date in the campaign year, costs, exchange rates)."""
