from django.contrib import admin

from twinning.foundation.admin import PolicyAdmin
from twinning.mapper.models import MappedDocument


@admin.register(MappedDocument)
class MappedDocumentAdmin(PolicyAdmin):
    list_display = ["title", "partnership", "owner", "language", "status", "shared", "created_at"]
    list_filter = ["status", "language", "shared"]
    search_fields = ["title"]
    readonly_fields = ["text", "result", "progress", "error_code", "error_detail"]
