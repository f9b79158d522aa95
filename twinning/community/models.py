"""Stories and good practices, SDG heroes and ambassadors, and the 17-photo project."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.uploads import validate_image

https_only = URLValidator(schemes=["https"], message=_("Enter a link that starts with https://."))


class PhotoRecord(models.Model):
    """What every uploaded photo carries: its thumbnail (made by a background task) and the consent
    recorded when it shows children."""

    thumbnail = models.ImageField(upload_to="community/thumbnails/", blank=True, editable=False)
    shows_minors = models.BooleanField(_("the photo shows children under 18"), default=False)
    minors_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    minors_consent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def small_url(self) -> str:
        """The thumbnail's address once the background task made it, else the photo's own."""
        if self.thumbnail:
            return self.thumbnail.url
        original = getattr(self, self.IMAGE_FIELD)
        return original.url if original else ""


class Story(PhotoRecord):
    """A good practice, campaign or digital story that a member municipality publishes."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Good practice")
        CAMPAIGN = "campaign", _("Campaign")
        DIGITAL_STORY = "digital_story", _("Digital story")

    IMAGE_FIELD = "photo"

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="stories")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="stories")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PRACTICE)
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"), help_text=_("Markdown: *italic*, **bold**, lists, links."))
    video_url = models.URLField(_("video link"), blank=True, validators=[https_only])
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    photo = models.ImageField(_("photo"), upload_to="community/stories/", blank=True, validators=[validate_image])
    photo_caption = models.CharField(_("photo caption"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    sdg_links = GenericRelation("sdg.SdgLink")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title


class Hero(models.Model):
    """A person, school, company or association named SDG hero or ambassador for one SDG."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        SCHOOL = "school", _("School")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")

    class Title(models.TextChoices):
        HERO = "hero", _("SDG hero")
        AMBASSADOR = "ambassador", _("SDG ambassador")

    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="sdg_heroes")
    goal = models.ForeignKey("sdg.Goal", on_delete=models.PROTECT, related_name="+", verbose_name=_("SDG"))
    title = models.CharField(_("named as"), max_length=12, choices=Title.choices, default=Title.HERO)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("name"), max_length=160)
    why = models.TextField(_("why"), max_length=1000, blank=True)
    consent = models.BooleanField(_("consent to be named publicly"), default=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["goal__number", "name"]
        verbose_name = _("SDG hero or ambassador")
        verbose_name_plural = _("SDG heroes and ambassadors")

    def __str__(self) -> str:
        return self.name


class SdgPhoto(PhotoRecord):
    """The 17-photo project: one photo per SDG and municipality."""

    IMAGE_FIELD = "image"

    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="sdg_photos")
    goal = models.ForeignKey("sdg.Goal", on_delete=models.PROTECT, related_name="+", verbose_name=_("SDG"))
    image = models.ImageField(_("photo"), upload_to="community/sdg-photos/", validators=[validate_image])
    caption = models.CharField(_("caption"), max_length=200)
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["goal__number"]
        constraints = [models.UniqueConstraint(fields=["municipality", "goal"], name="community_photo_per_goal")]
        verbose_name = _("SDG photo")
        verbose_name_plural = _("SDG photos")

    def __str__(self) -> str:
        return self.caption


class CitizenPhoto(PhotoRecord):
    """An SDG picture sent in by a citizen; shown only after a coordinator of its municipality approves it."""

    IMAGE_FIELD = "image"

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey("sdg.Goal", on_delete=models.PROTECT, related_name="+", verbose_name=_("SDG"))
    image = models.ImageField(_("photo"), upload_to="community/citizen-photos/", validators=[validate_image])
    caption = models.CharField(_("caption"), max_length=200)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("citizen's SDG photo")
        verbose_name_plural = _("citizens' SDG photos")

    def __str__(self) -> str:
        return self.caption


class Challenge(models.Model):
    """A challenge between the member municipalities: what is counted, in which unit, over which period."""

    class Scoring(models.TextChoices):
        ABSOLUTE = "absolute", _("Total")
        PER_CAPITA = "per_capita", _("Per 1,000 inhabitants")

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="challenges")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: *italic*, **bold**, lists, links.")
    )
    measure = models.CharField(
        _("what is counted"), max_length=160, help_text=_("For example: kilometres cycled to work")
    )
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example: km"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    scoring = models.CharField(_("scoring"), max_length=12, choices=Scoring.choices, default=Scoring.ABSOLUTE)
    # municipality id -> population when the challenge was set up, so past results never change
    populations = models.JSONField(default=dict, blank=True, editable=False)
    sdg_links = GenericRelation("sdg.SdgLink")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-ends_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="community_challenge_period"
            )
        ]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self) -> str:
        return self.title


class Contribution(PhotoRecord):
    """An amount logged for one municipality in a challenge, with an optional photo."""

    IMAGE_FIELD = "photo"

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="contributions")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    contributed_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    photo = models.ImageField(_("photo"), upload_to="community/challenges/", blank=True, validators=[validate_image])
    photo_caption = models.CharField(_("photo caption"), max_length=200, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return f"{self.amount} ({self.municipality_id})"


class Moderated(models.Model):
    """Hidden by a coordinator with a reason; restoring clears all three fields."""

    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Post(PhotoRecord, Moderated):
    """A post in the partnership's joint feed by staff of a member municipality."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone (also in the public news feed)")
        MEMBERS = "members", _("Members of the partnership only")

    IMAGE_FIELD = "photo"

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="posts")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("text"), max_length=5000, help_text=_("Markdown: *italic*, **bold**, lists, links."))
    photo = models.ImageField(_("photo"), upload_to="community/posts/", blank=True, validators=[validate_image])
    photo_caption = models.CharField(_("photo caption"), max_length=200, blank=True)
    visibility = models.CharField(_("who sees it"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "-created_at"])]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return self.text[:60]

    def headline(self, max_length: int) -> str:
        """A one-line title: the municipality's name, then the first line of the text cut to ``max_length`` characters."""
        return f"{self.municipality.name}: {self.text.splitlines()[0][:max_length]}"


class Comment(Moderated):
    """A comment on a feed post or on a story (exactly one of the two)."""

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="comments")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, null=True, blank=True, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(post__isnull=False, story__isnull=True)
                | models.Q(post__isnull=True, story__isnull=False),
                name="community_comment_on_one_thing",
            )
        ]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        INSPIRING = "inspiring", _("Inspiring")
        THANKS = "thanks", _("Thank you")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="community_one_reaction_each")]


class Report(models.Model):
    """A signed-in user reports a post or comment as abusive; coordinators see it in their queue."""

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("what is wrong"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(post__isnull=False, comment__isnull=True)
                | models.Q(post__isnull=True, comment__isnull=False),
                name="community_report_on_one_thing",
            )
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")


class DigestPreference(models.Model):
    """Whether a member receives the digest e-mail, and when the last one went out."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference")
    enabled = models.BooleanField(_("send me the digest e-mail"), default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.enabled}"
