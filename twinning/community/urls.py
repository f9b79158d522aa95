from django.urls import path

from twinning.community import views, views_challenges, views_digest, views_exhibit, views_feed

app_name = "community"
urlpatterns = [
    path("partnerships/<slug:slug>/stories/", views.story_list, name="stories"),
    path("partnerships/<slug:slug>/stories/new/", views.story_create, name="story_create"),
    path("partnerships/<slug:slug>/stories/<int:pk>/", views.story_detail, name="story"),
    path("partnerships/<slug:slug>/stories/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("partnerships/<slug:slug>/stories/<int:pk>/comment/", views_feed.story_comment, name="story_comment"),
    path("partnerships/<slug:slug>/heroes/", views.heroes, name="heroes"),
    path("partnerships/<slug:slug>/heroes/new/", views.hero_create, name="hero_create"),
    path("partnerships/<slug:slug>/heroes/<int:pk>/edit/", views.hero_edit, name="hero_edit"),
    path("partnerships/<slug:slug>/heroes/<int:pk>/remove/", views.hero_remove, name="hero_remove"),
    path("partnerships/<slug:slug>/sdg-photos/", views.photos, name="photos"),
    path("partnerships/<slug:slug>/sdg-photos/upload/", views.photo_upload, name="photo_upload"),
    path("partnerships/<slug:slug>/sdg-photos/submit/", views.citizen_photo_submit, name="citizen_photo_submit"),
    path("partnerships/<slug:slug>/sdg-photos/moderation/", views.moderation, name="moderation"),
    path("partnerships/<slug:slug>/sdg-photos/moderation/<int:pk>/", views.moderate, name="moderate"),
    path("partnerships/<slug:slug>/challenges/", views_challenges.challenge_list, name="challenges"),
    path("partnerships/<slug:slug>/challenges/new/", views_challenges.challenge_create, name="challenge_create"),
    path("partnerships/<slug:slug>/challenges/<int:pk>/", views_challenges.challenge_detail, name="challenge"),
    path(
        "partnerships/<slug:slug>/challenges/<int:pk>/scoreboard/",
        views_challenges.scoreboard,
        name="challenge_scoreboard",
    ),
    path("partnerships/<slug:slug>/challenges/<int:pk>/contribute/", views_challenges.contribute, name="contribute"),
    path("partnerships/<slug:slug>/feed/", views_feed.feed, name="feed"),
    path("partnerships/<slug:slug>/feed/atom/", views_feed.PublicPostsFeed(), name="feed_atom"),
    path("partnerships/<slug:slug>/feed/new/", views_feed.post_create, name="post_create"),
    path("partnerships/<slug:slug>/feed/<int:pk>/", views_feed.post_detail, name="post"),
    path("partnerships/<slug:slug>/feed/<int:pk>/comment/", views_feed.post_comment, name="post_comment"),
    path("partnerships/<slug:slug>/feed/<int:pk>/react/", views_feed.react, name="react"),
    path("partnerships/<slug:slug>/feed/report/<str:kind>/<int:pk>/", views_feed.report, name="report"),
    path("partnerships/<slug:slug>/feed/moderation/", views_feed.moderation_queue, name="feed_moderation"),
    path("partnerships/<slug:slug>/feed/moderation/<str:kind>/<int:pk>/", views_feed.moderate, name="feed_moderate"),
    path("partnerships/<slug:slug>/exhibit/", views_exhibit.exhibit_page, name="exhibit"),
    path("partnerships/<slug:slug>/exhibit.pdf", views_exhibit.exhibit_pdf, name="exhibit_pdf"),
    path("me/digest/", views_digest.preferences, name="digest_preferences"),
    path("digest/unsubscribe/<str:token>/", views_digest.unsubscribe, name="digest_unsubscribe"),
]
