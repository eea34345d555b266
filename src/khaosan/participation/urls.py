"""Back-office addresses of participation, under /backoffice/participation/."""

from django.urls import path

from khaosan.participation import views

app_name = "participation"

urlpatterns = [
    path("", views.home, name="cases"),
    path("settings/", views.office_settings, name="setup"),
    path("settings/handlers/<int:pk>/remove/", views.handler_remove, name="handler-remove"),
    path("summaries/", views.summaries, name="summaries"),
    path("satisfaction/", views.satisfaction, name="satisfaction"),
    path("satisfaction/chart.svg", views.satisfaction_chart, name="satisfaction-chart"),
    path("complaint/<int:pk>/files/<int:file_id>/", views.complaint_file, name="file"),
    path("<slug:kind>/<int:pk>/", views.case_detail, name="case"),
    path("<slug:kind>/<int:pk>/<slug:action>/", views.case_action, name="case-action"),
]
