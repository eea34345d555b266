"""The public list of monthly procurement summaries, under /procurement/."""

from django.urls import path

from khaosan.procurement import views

app_name = "procurement"

urlpatterns = [
    path("summaries/", views.summaries, name="summaries"),
]
