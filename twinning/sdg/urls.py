from django.urls import path

from twinning.sdg import views

app_name = "sdg"
urlpatterns = [
    path("", views.goal_list, name="goals"),
    path("<int:number>/", views.goal_detail, name="goal"),
]
