from django.urls import path

from twinning.community import views

app_name = "community"
urlpatterns = [
    path("partnerships/<slug:slug>/stories/", views.story_list, name="stories"),
    path("partnerships/<slug:slug>/stories/new/", views.story_create, name="story_create"),
    path("partnerships/<slug:slug>/stories/<int:pk>/", views.story_detail, name="story"),
    path("partnerships/<slug:slug>/stories/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("partnerships/<slug:slug>/heroes/", views.heroes, name="heroes"),
    path("partnerships/<slug:slug>/heroes/new/", views.hero_create, name="hero_create"),
    path("partnerships/<slug:slug>/heroes/<int:pk>/edit/", views.hero_edit, name="hero_edit"),
    path("partnerships/<slug:slug>/heroes/<int:pk>/remove/", views.hero_remove, name="hero_remove"),
    path("partnerships/<slug:slug>/sdg-photos/", views.photos, name="photos"),
    path("partnerships/<slug:slug>/sdg-photos/upload/", views.photo_upload, name="photo_upload"),
    path("partnerships/<slug:slug>/sdg-photos/submit/", views.citizen_photo_submit, name="citizen_photo_submit"),
    path("partnerships/<slug:slug>/sdg-photos/moderation/", views.moderation, name="moderation"),
    path("partnerships/<slug:slug>/sdg-photos/moderation/<int:pk>/", views.moderate, name="moderate"),
]
