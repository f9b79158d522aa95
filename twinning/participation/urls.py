from django.urls import path

from twinning.participation import views

app_name = "participation"
P = "partnerships/<slug:slug>/"
C = P + "consultations/<int:pk>/"
M = P + "parliaments/<int:pk>/"
D = P + "youth-debates/<int:pk>/"
urlpatterns = [
    path(P + "participation/", views.consultation_list, name="list"),
    path(P + "consultations/new/", views.consultation_create, name="create"),
    path(C, views.consultation_detail, name="consultation"),
    path(C + "vote/", views.vote, name="vote"),
    path(C + "manage/", views.manage, name="manage"),
    path(C + "phase/", views.phase, name="phase"),
    path(C + "codes/", views.codes, name="codes"),
    path(C + "paper/<int:community_pk>/", views.paper, name="paper"),
    path(C + "results/", views.results, name="results"),
    path(C + "ballots.csv", views.export, name="export"),
    path(C + "proposals/<int:proposal_pk>/", views.moderate, name="moderate"),
    path(C + "adopt/", views.adopt, name="adopt"),
    path("me/participation/", views.my_data, name="my_data"),
    path(P + "parliaments/new/", views.parliament_create, name="parliament_create"),
    path(M, views.parliament_detail, name="parliament"),
    path(M + "phase/", views.parliament_phase, name="parliament_phase"),
    path(M + "seats/", views.seat, name="seat"),
    path(M + "projects/new/", views.budget_proposal_add, name="budget_proposal_add"),
    path(M + "projects/<int:proposal_pk>/", views.budget_proposal_detail, name="budget_proposal"),
    path(M + "projects/<int:proposal_pk>/hide/", views.budget_proposal_hide, name="budget_proposal_hide"),
    path(M + "vote/", views.budget_vote, name="budget_vote"),
    path(M + "localised-goals/new/", views.localised_goal_add, name="localised_goal_add"),
    path(M + "results/", views.budget_results, name="budget_results"),
    path(M + "results.pb", views.pabulib_export, name="pabulib"),
    path(P + "youth-debates/new/", views.debate_create, name="debate_create"),
    path(D, views.debate_detail, name="debate"),
    path(D + "join/", views.debate_join, name="debate_join"),
    path(D + "arguments/", views.debate_argue, name="debate_argue"),
    path(D + "vote/", views.debate_vote, name="debate_vote"),
    path(D + "phase/", views.debate_phase, name="debate_phase"),
    path(D + "arguments/<int:argument_pk>/hide/", views.debate_hide, name="debate_hide"),
]
