from django.urls import path

from twinning.visits import views

app_name = "visits"
P = "partnerships/<slug:slug>/visits/"
V = P + "<int:pk>/"
urlpatterns = [
    path(P, views.visit_list, name="list"),
    path(P + "new/", views.visit_create, name="create"),
    path(V, views.visit_detail, name="detail"),
    path(V + "edit/", views.visit_edit, name="edit"),
    path(V + "programme.pdf", views.programme_pdf, name="pdf"),
    path(V + "calendar/renew/", views.feed_rotate, name="feed_rotate"),
    path(V + "delegation/new/", views.delegate_add, name="delegate_add"),
    path(V + "delegation/<int:delegate_pk>/remove/", views.delegate_remove, name="delegate_remove"),
    path(V + "programme/new/", views.item_add, name="item_add"),
    path(V + "programme/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path(V + "programme/<int:item_pk>/remove/", views.item_remove, name="item_remove"),
    path(V + "agreements/", views.memo, name="memo"),
    path(V + "agreements.pdf", views.memo_pdf, name="memo_pdf"),
    path(V + "agreements/new/", views.agreement_add, name="agreement_add"),
    path(V + "agreements/<int:agreement_pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("partnerships/<slug:slug>/agreements/", views.open_agreements, name="agreements"),
    path("visits/calendar/<int:pk>/<str:token>.ics", views.calendar, name="calendar"),
    path("partnerships/<slug:slug>/co2/", views.co2_overview, name="co2"),
    path("partnerships/<slug:slug>/co2/plan/", views.plan_edit, name="plan_edit"),
    path("partnerships/<slug:slug>/co2/trees/new/", views.tree_add, name="tree_add"),
]
