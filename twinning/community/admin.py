from django.contrib import admin

from twinning.community.models import CitizenPhoto, Hero, SdgPhoto, Story


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
