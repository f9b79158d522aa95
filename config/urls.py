from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from config import health, media
from twinning.api.api import api
from twinning.foundation import policy

admin.site.has_permission = lambda request: policy.can_use_admin(request.user)
admin.site.site_header = "SDG Twinning"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("api/v1/", api.urls),
    re_path(r"^media/(?P<path>.+)$", media.serve_media, name="media"),
]
urlpatterns += i18n_patterns(
    path("", include("twinning.foundation.urls")),
    path("", include("twinning.assessment.urls")),
    path("", include("twinning.indicators.urls")),
    path("", include("twinning.visits.urls")),
    path("", include("twinning.programme.urls")),
    path("", include("twinning.community.urls")),
    path("", include("twinning.participation.urls")),
    path("", include("twinning.chat.urls")),
    path("", include("twinning.games.urls")),
    path("", include("twinning.mapper.urls")),
    path("sdgs/", include("twinning.sdg.urls")),
    path("accounts/", include("twinning.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
