from django.contrib import admin

from twinning.community.models import (
    Challenge,
    CitizenPhoto,
    Comment,
    Contribution,
    Hero,
    Post,
    Report,
    SdgPhoto,
    Story,
)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "municipality", "partnership", "is_published", "created_at"]
    list_filter = ["kind", "is_published", "is_demo"]
    search_fields = ["title"]
    raw_id_fields = ["author"]


@admin.register(Hero)
class HeroAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "kind", "municipality", "goal", "consent"]
    list_filter = ["title", "kind", "is_demo"]
    search_fields = ["name"]


@admin.register(SdgPhoto)
class SdgPhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "municipality", "goal"]
    list_filter = ["is_demo"]


@admin.register(CitizenPhoto)
class CitizenPhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "municipality", "goal", "status", "created_at"]
    list_filter = ["status", "is_demo"]
    raw_id_fields = ["submitted_by", "decided_by"]


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "starts_on", "ends_on", "scoring"]
    list_filter = ["scoring", "is_demo"]
    search_fields = ["title"]
    inlines = [ContributionInline]
    raw_id_fields = ["created_by"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "municipality", "partnership", "visibility", "hidden_at", "created_at"]
    list_filter = ["visibility", "is_demo"]
    raw_id_fields = ["author"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partnership", "hidden_at", "created_at"]
    raw_id_fields = ["author", "post", "story"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reason", "partnership", "created_at", "resolved_at"]
    raw_id_fields = ["reporter", "resolved_by", "post", "comment"]
