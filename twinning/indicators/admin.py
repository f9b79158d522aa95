"""Administration of the indicator library and the partnerships' selections and figures."""

from django.contrib import admin

from twinning.foundation.admin import PolicyAdmin
from twinning.indicators.models import BaselineTarget, Comment, ImportBatch, LibraryIndicator, Measurement, Selection


@admin.register(LibraryIndicator)
class LibraryIndicatorAdmin(PolicyAdmin):
    list_display = ["code", "title", "direction", "owner"]
    list_filter = ["direction", "owner"]
    search_fields = ["code", "source"]
    raw_id_fields = ["owner", "created_by"]


class BaselineInline(admin.TabularInline):
    model = BaselineTarget
    extra = 0
    raw_id_fields = ["municipality"]


@admin.register(Selection)
class SelectionAdmin(PolicyAdmin):
    list_display = ["indicator", "partnership", "status", "proposed_by", "decided_by"]
    list_filter = ["status"]
    raw_id_fields = ["partnership", "indicator", "proposed_by", "proposer", "decided_by", "decider"]
    inlines = [BaselineInline]


@admin.register(Measurement)
class MeasurementAdmin(PolicyAdmin):
    list_display = ["indicator", "municipality", "year", "sex", "age_group", "value"]
    list_filter = ["year", "sex", "age_group"]
    raw_id_fields = ["indicator", "municipality", "entered_by"]


@admin.register(Comment)
class CommentAdmin(PolicyAdmin):
    """Moderation of the follow-up discussions: read, correct or delete a comment."""

    list_display = ["selection", "municipality", "author", "created_at"]
    search_fields = ["body"]
    raw_id_fields = ["selection", "author", "municipality"]


@admin.register(ImportBatch)
class ImportBatchAdmin(PolicyAdmin):
    list_display = ["filename", "partnership", "municipality", "status", "created_at", "committed_at"]
    list_filter = ["status"]
    raw_id_fields = ["partnership", "municipality", "uploaded_by"]
