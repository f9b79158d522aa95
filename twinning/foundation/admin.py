"""Platform administration: creating municipalities and partnerships. Access is decided by the policy."""

from django.contrib import admin

from twinning.foundation import policy
from twinning.foundation.models import Invitation, Membership, Municipality, Partnership, PartnershipMember


class PolicyAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return policy.can_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return policy.can_use_admin(request.user)

    def has_add_permission(self, request):
        return policy.can_use_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return policy.can_use_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return policy.can_use_admin(request.user)


class MemberInline(admin.TabularInline):
    model = PartnershipMember
    extra = 2
    autocomplete_fields = ["municipality"]


@admin.register(Municipality)
class MunicipalityAdmin(PolicyAdmin):
    list_display = ["name", "country", "region", "population", "is_demo"]
    list_filter = ["country", "is_demo"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    exclude = ["version"]


@admin.register(Partnership)
class PartnershipAdmin(PolicyAdmin):
    list_display = ["slug", "since", "status", "visibility", "is_demo"]
    list_filter = ["status", "visibility", "is_demo"]
    search_fields = ["slug"]
    inlines = [MemberInline]
    exclude = ["version"]


@admin.register(Membership)
class MembershipAdmin(PolicyAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["role"]
    search_fields = ["user__email", "municipality__name"]
    autocomplete_fields = ["municipality"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(PolicyAdmin):
    list_display = ["email", "municipality", "role", "created_at", "expires_at", "accepted_at"]
    readonly_fields = [
        "email",
        "municipality",
        "role",
        "token_hash",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]

    def has_add_permission(self, request):
        return False  # invitations are sent from a municipality's People page, which e-mails the link
