"""Forms of the community pages. Checks across objects (whose municipality) live in ``actions``."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from twinning.community.models import (
    Challenge,
    CitizenPhoto,
    Comment,
    Contribution,
    DigestPreference,
    Hero,
    Post,
    Reaction,
    Report,
    SdgPhoto,
    Story,
)
from twinning.foundation.models import Municipality
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.selectors import all_goals
from twinning.uploads import without_metadata


def _goal_choices():
    return [(goal.number, str(goal)) for goal in all_goals()]


class PhotoFormMixin:
    """A form with one photo: the upload is stored without its metadata (no GPS position), and a
    photo that shows children needs the parents' or guardians' consent."""

    image_field = "image"

    def add_photo_fields(self) -> None:
        self.fields["shows_minors"] = forms.BooleanField(
            label=_("The photo shows children under 18"),
            required=False,
            initial=getattr(getattr(self, "instance", None), "shows_minors", False),
        )
        self.fields["minors_consent"] = forms.BooleanField(
            label=_("Their parents or guardians agreed in writing that it is published"), required=False
        )

    def clean_photo_upload(self):
        upload = self.cleaned_data.get(self.image_field)
        if isinstance(upload, UploadedFile):
            return without_metadata(upload)
        return upload

    def check_minors_consent(self, cleaned: dict) -> None:
        if cleaned.get("shows_minors") and not cleaned.get("minors_consent"):
            self.add_error(
                "minors_consent",
                _("A photo of children is only published with their parents' or guardians' consent."),
            )


class StoryForm(PhotoFormMixin, forms.ModelForm):
    image_field = "photo"
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    sdgs = SdgLinkField(label=_("SDGs and targets"))

    class Meta:
        model = Story
        fields = [
            "kind", "title", "text", "municipality", "video_url", "photo", "photo_caption",
            "latitude", "longitude", "is_published",
        ]  # fmt: skip
        help_texts = {
            "video_url": _("Optional: a https:// link to a clip; it is shown as a link."),
            "photo_caption": _("Describes the photo for people who cannot see it."),
        }

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            municipalities if municipalities is not None else Municipality.objects.none()
        )
        self.fields["latitude"].widget.attrs["step"] = "any"
        self.fields["longitude"].widget.attrs["step"] = "any"
        self.add_photo_fields()
        self.order_fields([*self.Meta.fields[:7], "shows_minors", "minors_consent"])

    def clean_photo(self):
        return self.clean_photo_upload()

    def clean(self):
        cleaned = super().clean()
        self.check_minors_consent(cleaned)
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        if cleaned.get("photo") and not cleaned.get("photo_caption"):
            self.add_error("photo_caption", _("Describe the photo in a caption."))
        return cleaned


class StoryFilterForm(forms.Form):
    """The goal filter of the SDG app, plus a member municipality."""

    sdg = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        from twinning.sdg.forms import GoalFilterForm

        self.fields["sdg"].choices = GoalFilterForm().fields["sdg"].choices
        self.fields["municipality"].choices = [("", _("All municipalities"))] + [(m.slug, m.name) for m in members]


class HeroForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    goal_number = forms.TypedChoiceField(label=_("SDG"), coerce=int)
    consent = forms.BooleanField(
        label=_("They agreed to be named publicly on this platform"),
        required=False,
    )

    class Meta:
        model = Hero
        fields = ["title", "kind", "name", "municipality", "why", "consent"]

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            municipalities if municipalities is not None else Municipality.objects.none()
        )
        self.fields["goal_number"].choices = _goal_choices()
        if self.instance.pk:
            self.fields["goal_number"].initial = self.instance.goal.number
        self.order_fields(["title", "kind", "name", "municipality", "goal_number", "why", "consent"])

    def clean_consent(self):
        if not self.cleaned_data.get("consent"):
            raise forms.ValidationError(
                _("Tick the consent box: a hero or ambassador is only named after they agreed to it.")
            )
        return True


class SdgPhotoForm(PhotoFormMixin, forms.ModelForm):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    goal_number = forms.TypedChoiceField(label=_("SDG"), coerce=int)

    class Meta:
        model = SdgPhoto
        fields = ["municipality", "image", "caption"]
        help_texts = {"caption": _("Shown under the photo and read out to people who cannot see it.")}

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            municipalities if municipalities is not None else Municipality.objects.none()
        )
        self.fields["goal_number"].choices = _goal_choices()
        self.add_photo_fields()
        self.order_fields(["municipality", "goal_number", "image", "caption", "shows_minors", "minors_consent"])

    def clean_image(self):
        return self.clean_photo_upload()

    def clean(self):
        cleaned = super().clean()
        self.check_minors_consent(cleaned)
        return cleaned


class CitizenPhotoForm(SdgPhotoForm):
    class Meta:
        model = CitizenPhoto
        fields = ["municipality", "image", "caption"]
        help_texts = {"caption": _("What does this SDG mean to you? Also read out to people who cannot see the photo.")}


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(CitizenPhoto.Status.APPROVED, _("Approve")), (CitizenPhoto.Status.REJECTED, _("Reject"))]
    )


class ChallengeForm(forms.ModelForm):
    sdgs = SdgLinkField(label=_("SDGs and targets"))

    class Meta:
        model = Challenge
        fields = ["title", "description", "measure", "unit", "starts_on", "ends_on", "scoring"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {"scoring": _("Per 1,000 inhabitants uses each municipality's population as recorded today.")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The challenge must end on or after the day it starts."))
        return cleaned


class ContributionForm(PhotoFormMixin, forms.ModelForm):
    image_field = "photo"
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())

    class Meta:
        model = Contribution
        fields = ["municipality", "amount", "contributed_on", "note", "photo", "photo_caption"]
        widgets = {"contributed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            municipalities if municipalities is not None else Municipality.objects.none()
        )
        self.add_photo_fields()

    def clean_photo(self):
        return self.clean_photo_upload()

    def clean(self):
        cleaned = super().clean()
        self.check_minors_consent(cleaned)
        if cleaned.get("photo") and not cleaned.get("photo_caption"):
            self.add_error("photo_caption", _("Describe the photo in a caption."))
        return cleaned


class PostForm(ContributionForm):
    class Meta:
        model = Post
        fields = ["municipality", "text", "photo", "photo_caption", "visibility"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your comment")}


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class HideForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", _("Hide")), ("restore", _("Restore"))])
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300, required=False)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class DigestPreferenceForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["enabled"]


class ExhibitForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the panels"), choices=settings.LANGUAGES)
