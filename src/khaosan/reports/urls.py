from django.urls import path

from khaosan.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.reports_index, name="index"),
    path("performance/<slug:period>/", views.performance, name="performance"),
    path("performance/<slug:period>/acknowledge/", views.performance_acknowledge, name="performance-acknowledge"),
    path("performance/<slug:period>/report.<str:fmt>", views.performance_document, name="performance-document"),
    path("trainings/", views.training_list, name="trainings"),
    path("trainings/mine/", views.my_trainings, name="my-trainings"),
    path("trainings/new/", views.training_new, name="training-new"),
    path("trainings/<int:pk>/", views.training_detail, name="training"),
    path("trainings/<int:pk>/delete/", views.training_delete, name="training-delete"),
    path("trainings/<int:pk>/certificate/", views.training_certificate, name="training-certificate"),
]
